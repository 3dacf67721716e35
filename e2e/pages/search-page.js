// Page object for the search explorer.
export class SearchPage {
  constructor(page) {
    this.page = page;
    this.input = page.getByTestId('search-input');
    this.results = page.getByTestId('result-item');
    this.count = page.getByTestId('result-count');
    this.error = page.getByTestId('error-screen');
    this.pager = page.getByTestId('pager');
    this.article = page.getByTestId('article-view');
    this.langToggle = page.getByTestId('lang-toggle');
    this.programs = page.getByTestId('facet-program').locator('label.option');
    this.months = page.getByTestId('facet-date').locator('button.bar');
    this.chips = page.getByTestId('filter-chip');
    this.sort = page.getByTestId('sort-select');
  }

  async open(url) {
    await this.page.goto(url);
    await this.count.waitFor();
  }

  async search(text) {
    await this.input.fill('');
    await this.input.pressSequentially(text);
  }

  /** The number of matching articles the count line reports. */
  async total() {
    return Number((await this.count.textContent()).match(/\d+/)[0]);
  }

  /**
   * Wait until the reported total satisfies `test(total, arg)`; `test` runs in the page, so it
   * sees only its arguments.
   */
  async waitForTotal(test, arg = null) {
    await this.page.waitForFunction(
      ([src, arg]) => {
        const n = Number(document.querySelector('[data-testid=result-count]')?.textContent.match(/\d+/)?.[0]);
        return !Number.isNaN(n) && new Function('n', 'arg', `return (${src})(n, arg)`)(n, arg);
      },
      [test.toString(), arg],
    );
    return this.total();
  }

  async waitForTotalBelow(limit) {
    return this.waitForTotal((n, limit) => n < limit, limit);
  }

  async waitForTotalToBe(want) {
    return this.waitForTotal((n, want) => n === want, want);
  }

  /** Wait until the URL's query string satisfies `test`. */
  async waitForUrl(test) {
    await this.page.waitForFunction((src) => new Function('s', `return (${src})(s)`)(new URLSearchParams(location.search)), test.toString());
  }

  /** Wait until the URL's fragment (where a single file keeps its state) satisfies `test`. */
  async waitForFragment(test) {
    await this.page.waitForFunction((src) => new Function('s', `return (${src})(s)`)(new URLSearchParams(location.hash.slice(1))), test.toString());
  }

  async resultIds() {
    return this.results.evaluateAll((els) => els.map((e) => e.dataset.articleId));
  }

  /** Open the nth result's article view. */
  async openResult(n = 0) {
    await this.results.nth(n).locator('h3 button').click();
    await this.article.waitFor();
  }
}

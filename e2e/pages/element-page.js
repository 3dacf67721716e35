// Page object for <shegong-search>: Playwright's locators reach into its open shadow root.
export class ElementPage {
  constructor(page, selector = 'shegong-search') {
    this.page = page;
    this.host = page.locator(selector);
    this.root = this.host.locator('.root');
    this.input = this.host.getByTestId('search-input');
    this.results = this.host.getByTestId('result-item');
    this.count = this.host.getByTestId('result-count');
    this.article = this.host.getByTestId('article-view');
    this.error = this.host.getByTestId('error-screen');
    this.programs = this.host.getByTestId('facet-program').locator('label.option');
    this.regions = this.host.getByTestId('facet-region').locator('button.region');
    this.months = this.host.getByTestId('facet-date').locator('button.bar');
    this.chips = this.host.getByTestId('filter-chip');
    this.pager = this.host.getByTestId('pager');
  }

  /** The number of matching articles the count line reports. */
  async total() {
    return Number((await this.count.textContent()).match(/\d+/)[0]);
  }

  /**
   * Wait until the reported total satisfies `test` (polled from the test, so it works under a
   * CSP that forbids eval in the page).
   */
  async waitForTotal(test, timeout = 10_000) {
    const end = Date.now() + timeout;
    for (;;) {
      const n = await this.total().catch(() => Number.NaN);
      if (!Number.isNaN(n) && test(n)) return n;
      if (Date.now() > end) throw new Error(`the total (${n}) never satisfied ${test}`);
      await this.page.waitForTimeout(50);
    }
  }

  async search(text) {
    await this.input.fill('');
    await this.input.pressSequentially(text);
  }

  async resultIds() {
    return this.results.evaluateAll((els) => els.map((e) => e.dataset.articleId));
  }
}

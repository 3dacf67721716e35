// Page object for the search explorer.
export class SearchPage {
  constructor(page) {
    this.page = page;
    this.input = page.getByTestId('search-input');
    this.results = page.getByTestId('result-item');
    this.count = page.getByTestId('result-count');
    this.error = page.getByTestId('error-screen');
  }

  async open(url) {
    await this.page.goto(url);
    await this.count.waitFor();
  }

  async search(text) {
    await this.input.fill('');
    await this.input.pressSequentially(text);
  }

  async resultIds() {
    return this.results.evaluateAll((els) => els.map((e) => e.dataset.articleId));
  }
}

// Page object for the reader's own pages in the app: the add button and its progress, the
// files not read, the "yours" marks, corrections in the article view, export and removal.
import { SearchPage } from './search-page.js';

export class YoursPage extends SearchPage {
  constructor(page) {
    super(page);
    this.addInput = page.getByTestId('add-pages');
    this.progress = page.getByTestId('add-progress');
    this.failed = page.getByTestId('add-failed-file');
    this.count = page.getByTestId('result-count');
    this.yoursCount = page.getByTestId('yours-count');
    this.marks = page.getByTestId('result-item').getByTestId('yours-mark');
    this.exportButton = page.getByTestId('export-bundle');
    this.removeAllButton = page.getByTestId('remove-all');
    this.error = page.getByTestId('yours-error');
  }

  /** How many of the reader's articles the bar reports. */
  async yours() {
    return Number((await this.yoursCount.textContent()).match(/\d+/)[0]);
  }

  /** Wait until the bar reports `n` articles of the reader's and nothing is being read. */
  async waitForYours(n) {
    await this.page.waitForFunction(
      (n) =>
        !document.querySelector('[data-testid=add-progress]') &&
        Number(document.querySelector('[data-testid=yours-count]')?.textContent.match(/\d+/)?.[0]) === n,
      n,
    );
  }

  /** Give files (paths) to the add button; resolves once they are read and shown. */
  async add(paths) {
    await this.addInput.setInputFiles(paths);
    await this.progress.waitFor();
    await this.progress.waitFor({ state: 'detached', timeout: 60_000 });
  }

  /**
   * Drop files or folders (paths) on the page as the reader's desktop would (a real drag through
   * Chromium's input, so folders arrive as entries to walk); resolves once they are read and shown.
   */
  async drop(paths) {
    const cdp = await this.page.context().newCDPSession(this.page);
    const data = { items: [], files: paths, dragOperationsMask: 1 };
    const at = { x: 200, y: 200 };
    await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', ...at, data });
    await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', ...at, data });
    await this.page.locator('section.yours.dragging').waitFor();
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', ...at, data });
    await cdp.detach();
    await this.progress.waitFor();
    await this.progress.waitFor({ state: 'detached', timeout: 60_000 });
  }

  /** The facets as shown: each facet's text, for comparing two collections. */
  async facetTexts() {
    return this.page.evaluate(() =>
      ['facet-region', 'facet-program', 'facet-date'].map((id) => document.querySelector(`[data-testid=${id}]`)?.innerText ?? ''),
    );
  }

  /** In the open article view: pick the first region found for `typed`, then save. */
  async correctRegion(typed) {
    const form = this.article.getByTestId('correct');
    await form.getByTestId('correct-region').fill(typed);
    const option = form.getByTestId('region-option').first();
    await option.waitFor();
    const label = await option.textContent();
    await option.click();
    await form.getByTestId('correct-save').click();
    return label;
  }

  /** Export (with `button`, the bundle's by default); resolves to {name: path} of the `count` files downloaded, saved in `dir`. */
  async exportTo(dir, count, button = this.exportButton) {
    const downloads = [];
    let on;
    const got = new Promise((resolve) => {
      on = (d) => {
        downloads.push(d);
        if (downloads.length === count) resolve();
      };
      this.page.on('download', on);
    });
    await button.click();
    await got;
    this.page.off('download', on);
    const out = {};
    for (const d of downloads) {
      const path = `${dir}/${d.suggestedFilename()}`;
      await d.saveAs(path);
      out[d.suggestedFilename()] = path;
    }
    return out;
  }
}

// The host page's script: it shows the article a reader chose in the page's own column
// instead of the element's built-in article view.
const search = document.getElementById('search');
search.addEventListener('shegong-select', (event) => {
  event.preventDefault();
  const { id, title, region, date } = event.detail;
  document.getElementById('chosen-title').textContent = title;
  document.getElementById('chosen-meta').textContent = [region.join(' › '), date, id].filter(Boolean).join(' · ');
});

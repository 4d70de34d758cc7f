// Demo page glue: the example chips fill the search box.
// (Kept in a file of its own: the CSP forbids inline scripts.)
await customElements.whenDefined('notice-search');
const search = document.getElementById('search');

for (const chip of document.querySelectorAll('.chip[data-q]')) {
  chip.addEventListener('click', () => {
    search.value = chip.dataset.q; // fills the box and searches
    search.focus();
  });
}

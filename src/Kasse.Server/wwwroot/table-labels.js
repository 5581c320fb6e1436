// On a phone the back office's tables are shown as cards (backoffice.css); each cell says which column it is in,
// taken from the table's header, so a card reads "Pris: 28,95" instead of a bare number. Kept up to date as
// Blazor renders rows.
(() => {
    const label = () => {
        for (const table of document.querySelectorAll('table.bo-table')) {
            const names = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
            for (const row of table.querySelectorAll('tbody tr')) {
                [...row.children].forEach((cell, i) => {
                    const name = names[i] ?? '';
                    if (cell.getAttribute('data-label') !== name && !cell.hasAttribute('data-label-fixed'))
                        cell.setAttribute('data-label', name);
                });
            }
        }
    };
    let queued = false;
    new MutationObserver(() => {
        if (!queued) {
            queued = true;
            requestAnimationFrame(() => { queued = false; label(); });
        }
    }).observe(document.documentElement, { childList: true, subtree: true });
    label();
})();

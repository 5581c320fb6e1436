// QR ordering at the table: the guest's phone. Reads the table's menu and bill from the guest API and sends the order
// there (the same sale use cases as the till). Texts in the store's language (Danish or English).
(() => {
  const root = document.getElementById('guest');
  if (!root) return;
  const token = root.dataset.token;
  const da = root.dataset.lang === 'da';
  const T = da ? {
    menu: 'Menu', basket: 'Kurv', empty: 'Kurven er tom.', add: 'Læg i kurven', cancel: 'Annuller', send: 'Send bestilling',
    note: 'Besked til køkkenet', qty: 'Antal', less: 'Færre', more: 'Flere', remove: 'Fjern', required: 'skal vælges', optional: 'valgfri',
    allergens: 'Allergener', bill: 'Din regning', total: 'I alt', call: 'Kald på tjeneren / bed om regningen', called: 'Tjeneren kommer.',
    sent: 'Tak! Din bestilling er sendt til køkkenet.', waiting: 'Tak! Din bestilling venter på, at tjeneren bekræfter den.',
    Pending: 'Venter på tjeneren', Sent: 'Sendt til køkkenet', Ordered: 'Bestilt', choose: 'Vælg', view: 'Se kurven', items: 'varer',
    nothing: 'Intet bestilt endnu.', pickRequired: 'Vælg', error: 'Noget gik galt. Prøv igen.'
  } : {
    menu: 'Menu', basket: 'Basket', empty: 'Your basket is empty.', add: 'Add to basket', cancel: 'Cancel', send: 'Send order',
    note: 'Note to the kitchen', qty: 'Quantity', less: 'Fewer', more: 'More', remove: 'Remove', required: 'required', optional: 'optional',
    allergens: 'Allergens', bill: 'Your bill', total: 'Total', call: 'Call the waiter / ask for the bill', called: 'The waiter is coming.',
    sent: 'Thank you! Your order has gone to the kitchen.', waiting: 'Thank you! Your order waits for the waiter to confirm it.',
    Pending: 'Waiting for the waiter', Sent: 'Sent to the kitchen', Ordered: 'Ordered', choose: 'Choose', view: 'View basket', items: 'items',
    nothing: 'Nothing ordered yet.', pickRequired: 'Choose', error: 'Something went wrong. Please try again.'
  };
  const ALLERGENS = da
    ? { Gluten: 'gluten', Crustaceans: 'krebsdyr', Eggs: 'æg', Fish: 'fisk', Peanuts: 'jordnødder', Soybeans: 'soja', Milk: 'mælk', Nuts: 'nødder', Celery: 'selleri', Mustard: 'sennep', Sesame: 'sesam', Sulphites: 'sulfitter', Lupin: 'lupin', Molluscs: 'bløddyr' }
    : { Gluten: 'gluten', Crustaceans: 'crustaceans', Eggs: 'eggs', Fish: 'fish', Peanuts: 'peanuts', Soybeans: 'soya', Milk: 'milk', Nuts: 'nuts', Celery: 'celery', Mustard: 'mustard', Sesame: 'sesame', Sulphites: 'sulphites', Lupin: 'lupin', Molluscs: 'molluscs' };
  const api = `/api/v1/guest/${encodeURIComponent(token)}`;
  let menu = null;
  let basket = [];
  let money = null;

  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c.nodeType ? c : document.createTextNode(String(c)));
    return e;
  };
  const price = (n) => money.format(n);
  const problemOf = async (response) => {
    try { const p = await response.json(); return p.detail || p.title || T.error; } catch { return T.error; }
  };

  async function load() {
    const response = await fetch(api, { headers: { Accept: 'application/json' } });
    if (!response.ok) { root.replaceChildren(el('p', { class: 'g-error', role: 'alert' }, await problemOf(response))); return; }
    menu = await response.json();
    money = new Intl.NumberFormat(da ? 'da-DK' : 'en-GB', { style: 'currency', currency: menu.currency });
    render();
    await loadBill();
  }

  function render() {
    const cats = el('nav', { class: 'g-cats', 'aria-label': T.menu },
      menu.categories.map(c => el('a', { href: `#cat-${c.id}` }, c.name)));
    const sections = menu.categories.map(c => el('section', { id: `cat-${c.id}`, 'aria-labelledby': `h-${c.id}` },
      el('h2', { id: `h-${c.id}` }, c.name),
      el('ul', { class: 'g-items' }, c.items.map(item => el('li', { class: 'g-item' },
        el('div', {}, el('div', { class: 'name' }, item.name), el('div', { class: 'meta' }, price(item.price),
          item.allergens.length ? ` · ${T.allergens}: ${item.allergens.map(a => ALLERGENS[a] || a).join(', ')}` : '')),
        el('button', { type: 'button', 'aria-label': `${T.choose} ${item.name}`, onclick: () => openItem(item) }, '+'))))));
    const basketSection = el('section', { id: 'basket', 'aria-labelledby': 'h-basket' }, el('h2', { id: 'h-basket' }, T.basket), el('div', { id: 'basket-body' }));
    const billSection = el('section', { id: 'bill', 'aria-labelledby': 'h-bill' }, el('h2', { id: 'h-bill' }, T.bill), el('div', { id: 'bill-body' }));
    const message = el('div', { id: 'message', role: 'status', 'aria-live': 'polite' });
    const bar = el('div', { class: 'g-bar' },
      el('button', { type: 'button', id: 'view-basket', onclick: () => document.getElementById('basket').scrollIntoView() }, T.view),
      el('button', { type: 'button', class: 'primary', id: 'send-order', onclick: send }, T.send));
    root.replaceChildren(cats, message, ...sections, basketSection, billSection, bar);
    renderBasket();
  }

  function renderBasket() {
    const body = document.getElementById('basket-body');
    if (!basket.length) { body.replaceChildren(el('p', {}, T.empty)); return; }
    body.replaceChildren(el('ul', { class: 'g-lines' }, basket.map((line, i) => el('li', {},
      el('div', {}, el('div', {}, `${line.quantity} × ${line.item.name}`),
        line.optionNames.length ? el('div', { class: 'meta' }, line.optionNames.join(', ')) : null,
        line.note ? el('div', { class: 'meta' }, `“${line.note}”`) : null),
      el('button', { type: 'button', 'aria-label': `${T.remove} ${line.item.name}`, onclick: () => { basket.splice(i, 1); renderBasket(); } }, T.remove)))));
    document.getElementById('view-basket').textContent = `${T.view} (${basket.reduce((n, l) => n + l.quantity, 0)} ${T.items})`;
  }

  function openItem(item) {
    let quantity = 1;
    const qty = el('output', { id: 'item-qty', 'aria-live': 'polite' }, '1');
    const groups = item.groups.map(g => {
      const single = g.maxChoices === 1;
      return el('fieldset', { 'data-group': g.id },
        el('legend', {}, `${g.name} (${g.minChoices > 0 ? T.required : T.optional})`),
        g.options.map(o => el('label', { class: 'g-opt' },
          el('input', { type: single ? 'radio' : 'checkbox', name: `g-${g.id}`, value: o.id, 'data-name': o.name, required: single && g.minChoices > 0 }),
          o.priceDelta ? `${o.name} (${o.priceDelta > 0 ? '+' : ''}${price(o.priceDelta)})` : o.name)));
    });
    const error = el('p', { class: 'g-error', role: 'alert', hidden: true });
    const note = el('textarea', { id: 'item-note', maxlength: '140' });
    const dialog = el('dialog', { 'aria-labelledby': 'item-title' },
      el('form', { method: 'dialog', onsubmit: (e) => {
        e.preventDefault();
        const chosen = [...dialog.querySelectorAll('input:checked')];
        const missing = item.groups.find(g => chosen.filter(c => c.name === `g-${g.id}`).length < g.minChoices);
        const over = item.groups.find(g => chosen.filter(c => c.name === `g-${g.id}`).length > g.maxChoices);
        if (missing || over) { error.hidden = false; error.textContent = `${T.pickRequired}: ${(missing || over).name}`; return; }
        basket.push({ item, quantity, modifiers: chosen.map(c => c.value), optionNames: chosen.map(c => c.dataset.name), note: note.value.trim() });
        dialog.close(); dialog.remove(); renderBasket();
      } },
        el('h2', { id: 'item-title' }, item.name),
        el('p', {}, price(item.price), item.allergens.length ? ` · ${T.allergens}: ${item.allergens.map(a => ALLERGENS[a] || a).join(', ')}` : ''),
        groups, error,
        el('label', { class: 'g-block', for: 'item-note' }, T.note), note,
        el('div', { class: 'g-qty', role: 'group', 'aria-label': T.qty },
          el('button', { type: 'button', 'aria-label': T.less, onclick: () => { quantity = Math.max(1, quantity - 1); qty.textContent = quantity; } }, '−'),
          qty,
          el('button', { type: 'button', 'aria-label': T.more, onclick: () => { quantity = Math.min(menu.maxQuantity, quantity + 1); qty.textContent = quantity; } }, '+')),
        el('div', { class: 'g-actions' },
          el('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, T.cancel),
          el('button', { type: 'submit', class: 'primary' }, T.add))));
    document.body.append(dialog);
    dialog.showModal();
  }

  async function send() {
    const message = document.getElementById('message');
    if (!basket.length) { message.replaceChildren(el('p', { class: 'g-error' }, T.empty)); return; }
    const button = document.getElementById('send-order');
    button.disabled = true;
    try {
      const response = await fetch(`${api}/orders`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ lines: basket.map(l => ({ productId: l.item.id, quantity: l.quantity, modifiers: l.modifiers, note: l.note || null })) })
      });
      if (!response.ok) { message.replaceChildren(el('p', { class: 'g-error' }, await problemOf(response))); return; }
      const order = await response.json();
      basket = [];
      renderBasket();
      message.replaceChildren(el('p', { class: 'g-ok' }, order.status === 'Pending' ? T.waiting : T.sent));
      await loadBill();
    } finally {
      button.disabled = false;
    }
  }

  async function loadBill() {
    const response = await fetch(`${api}/bill`, { headers: { Accept: 'application/json' } });
    const body = document.getElementById('bill-body');
    if (!body) return;
    if (!response.ok) { body.replaceChildren(el('p', { class: 'g-error', role: 'alert' }, await problemOf(response))); return; }
    const bill = await response.json();
    const call = el('button', { type: 'button', id: 'call-waiter', onclick: callWaiter }, T.call);
    body.replaceChildren(
      bill.lines.length ? el('ul', { class: 'g-lines' }, bill.lines.map(l => el('li', {},
        el('div', {}, el('div', {}, `${l.quantity} × ${l.name}`), l.modifiers.length ? el('div', { class: 'meta' }, l.modifiers.join(', ')) : null,
          el('div', { class: `g-status ${l.status === 'Sent' ? 'sent' : ''}` }, T[l.status] || l.status)),
        el('div', {}, price(l.total))))) : el('p', {}, T.nothing),
      el('p', { class: 'g-total' }, `${T.total}: ${price(bill.total)}`),
      bill.waiterCalled ? el('p', { class: 'g-ok' }, T.called) : call);
  }

  async function callWaiter() {
    const response = await fetch(`${api}/call-waiter`, { method: 'POST', headers: { Accept: 'application/json' } });
    const message = document.getElementById('message');
    if (!response.ok) { message.replaceChildren(el('p', { class: 'g-error' }, await problemOf(response))); return; }
    await loadBill();
  }

  load();
  // The bill's status changes as the waiter confirms and the kitchen works: read it again now and then.
  setInterval(() => { if (menu) loadBill(); }, 15000);
})();

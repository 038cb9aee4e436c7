// A stand-in for the Rust core, for looking at the window in a plain browser: `npm run dev`, then
// open http://localhost:1420/dev/preview.html. Never part of the build (Vite builds index.html only).
//
// Query flags: ?empty (no orders) ?error (list_orders fails) ?busy (port busy) ?public (a public
// URL is set) ?testfail (send_test_order fails) ?do=row,conn,act,secret,test,listener,langfr…
// (scripted clicks, for headless screenshots). In the console, __emit({kind: "ping", webhook_id: 1})
// sends a core event.
(function () {
  const mode = new URLSearchParams(location.search);
  const callbacks = {};
  const listeners = [];
  let nextId = 1;
  const sample = {
    id: 22, source: 'https://shop.example.be/', number: '22', status: 'on-hold', currency: 'EUR',
    total: '60.80', total_tax: '8.69', billing_email: 'marie.lambert@example.test', customer_name: 'Marie Lambert',
    customer_note: 'Merci de livrer après 17 h.', payment_method: 'bacs', date_created_gmt: '2026-11-28T14:29:38',
    date_modified_gmt: '2026-11-28T14:29:38', date_paid_gmt: null, paid: false, trashed: false, revision: 2,
    updated_at: '2026-11-28T14:29:40', test: false,
  };
  let orders = mode.has('empty') ? [] : [
    { ...sample, id: 900001, source: 'https://test-order.comptoir.invalid/', number: 'TEST-900001', status: 'processing', test: true, paid: true, date_paid_gmt: '2026-11-28T15:00:00', date_created_gmt: '2026-11-28T15:00:00' },
    sample,
    { ...sample, id: 21, number: '21', status: 'completed', paid: true, total: '1234.50', customer_name: 'Jan Peeters', billing_email: 'jan@example.test', date_created_gmt: '2026-11-27T09:02:11' },
    { ...sample, id: 20, number: '20', status: 'cancelled', trashed: true, total: '15.00', customer_name: '', billing_email: null, date_created_gmt: '2026-11-20T18:45:00' },
    { ...sample, id: 19, number: '19', status: 'wc-custom-status', total: '9.99', customer_name: 'Société Dupont SRL', date_created_gmt: '2026-11-19T08:00:00' },
  ];
  const addr = { first_name: 'Marie', last_name: 'Lambert', company: '', address_1: 'Avenue Louise 231', address_2: '', city: 'Bruxelles', state: '', postcode: '1050', country: 'BE', email: 'marie.lambert@example.test', phone: '+32 2 555 01 23' };
  const detail = (o) => ({
    ...o, payment_method_title: 'Virement bancaire', prices_include_tax: true, discount_total: '5.00', shipping_total: '4.09',
    billing: addr, shipping: { ...addr, email: null, phone: '' },
    line_items: [
      { id: 2, name: 'Moulin à café manuel', sku: 'MOUL-001', quantity: '1', subtotal: '33.02', subtotal_tax: '6.93', total: '33.02', total_tax: '6.93', price: '33.016529', meta_data: [{ key: 'couleur', value: 'noir', display_key: 'Couleur', display_value: '<p>Noir</p>' }] },
      { id: 3, name: 'Café moulu — 250 g', sku: 'CAFE-250', quantity: '2', subtotal: '15.00', subtotal_tax: '0.90', total: '15.00', total_tax: '0.90', price: '7.5', meta_data: [] },
    ],
    shipping_lines: [{ method_title: 'Livraison bpost', total: '4.09', total_tax: '0.86' }],
    fee_lines: [{ name: 'Emballage cadeau', total: '2.00', total_tax: '0.42' }],
    coupon_lines: [{ code: 'noel5', discount: '5.00', discount_tax: '1.05' }],
    refunds: [{ id: 30, reason: '', total: '-3.49', total_tax: '0.00' }],
    deliveries: [
      { id: 1, received_at: '2026-11-28T14:29:40', source: o.source, topic: 'order.created', webhook_id: 3, delivery_id: 'a1', body_sha256: 'x', body_len: 4012, woo_order_id: o.id, outcome: 'created' },
      { id: 2, received_at: '2026-11-28T14:29:41', source: o.source, topic: 'order.updated', webhook_id: 4, delivery_id: 'a2', body_sha256: 'x', body_len: 4012, woo_order_id: o.id, outcome: 'duplicate' },
    ],
  });
  let listener = mode.has('busy')
    ? { state: 'port_busy', port: 8787, local_url: null, reason: 'Another program already uses port 8787. Close it or choose another port, then restart the listener.' }
    : { state: 'listening', port: 8787, local_url: 'http://127.0.0.1:8787/webhooks/woocommerce', reason: null };
  const commands = {
    connection_info: () => ({
      delivery_url: mode.has('public') ? 'https://comptoir.shop.example.be/webhooks/woocommerce' : 'http://127.0.0.1:8787/webhooks/woocommerce',
      local_url: 'http://127.0.0.1:8787/webhooks/woocommerce',
      public_url: mode.has('public') ? 'https://comptoir.shop.example.be/webhooks/woocommerce' : null,
      secret: 'k3Y_s3cr3t-value-0123456789', listener, data_dir: '/home/owner/.local/share/comptoir',
      last_turned_away: { at: '2026-11-28T13:10:02', status: 401, reason: 'wrong signature' },
    }),
    restart_listener: () => (listener = { state: 'listening', port: 8787, local_url: 'http://127.0.0.1:8787/webhooks/woocommerce', reason: null }),
    list_orders: () => { if (mode.has('error')) throw 'The database is locked by another Comptoir; close it first.'; return orders; },
    order_detail: ({ id, source }) => { const o = orders.find((x) => x.id === id && x.source === source); if (!o) throw `There is no order ${id}.`; return detail(o); },
    send_test_order: () => {
      if (mode.has('testfail')) throw 'the listener at 127.0.0.1:8787 did not answer: connection refused';
      const o = { ...sample, id: 900002, source: 'https://test-order.comptoir.invalid/', number: 'TEST-900002', test: true, date_created_gmt: '2026-11-28T16:00:00' };
      orders = [o, ...orders];
      setTimeout(() => emit({ kind: 'delivery', outcome: 'created', source: o.source, topic: 'order.created', woo_order_id: o.id }), 50);
      return { order_id: 900002, status: 200 };
    },
    list_activity: () => [
      { id: 3, at: '2026-11-28T14:29:41', level: 'info', message: 'Order 22 from https://shop.example.be/ received (order.created).' },
      { id: 2, at: '2026-11-28T13:10:02', level: 'warning', message: 'A delivery was refused: wrong signature. The secret in WooCommerce differs from Comptoir\'s.' },
      { id: 1, at: '2026-11-28T13:00:00', level: 'error', message: 'Port 8787 is busy.' },
    ],
    list_failed_deliveries: () => [
      { id: 1, received_at: '2026-11-28T12:00:00', source: 'https://shop.example.be/', topic: 'order.updated', webhook_id: 4, delivery_id: 'zz', reason: 'the body is not an order: missing field `status`', body_len: 1500, body_preview: '{"id":22,"parent_id":0,"currency":"EUR","version":"11.0.1", ... }' },
    ],
  };
  function emit(payload) {
    for (const id of listeners) callbacks[id]?.({ event: 'comptoir:event', id: 0, payload });
  }
  window.__emit = emit;
  window.isTauri = true;
  window.__TAURI_INTERNALS__ = {
    transformCallback(cb) { const id = nextId++; callbacks[id] = cb; return id; },
    unregisterCallback(id) { delete callbacks[id]; },
    async invoke(cmd, args) {
      if (cmd === 'plugin:event|listen') { listeners.push(args.handler); return 1; }
      if (cmd === 'plugin:event|unlisten') return null;
      const f = commands[cmd];
      if (!f) throw `unknown command ${cmd}`;
      return JSON.parse(JSON.stringify(f(args || {})));
    },
  };
  // Scripted clicks, so a headless screenshot can show each screen.
  const click = (sel) => document.querySelector(sel)?.click();
  window.addEventListener('load', async () => {
    const pause = () => new Promise((r) => setTimeout(r, 150));
    await pause();
    for (const step of (mode.get('do') || '').split(',').filter(Boolean)) {
      if (step === 'row') click('[data-testid=order-row]:nth-child(2)');
      else if (step === 'conn') click('[data-testid=nav-connection]');
      else if (step === 'act') click('[data-testid=nav-activity]');
      else if (step === 'secret') click('[data-testid=secret-toggle]');
      else if (step === 'test') click('[data-testid=test-order-button]');
      else if (step === 'listener') {
        listener = { state: 'stopped', port: 8787, local_url: null, reason: 'The listener was stopped.' };
        emit({ kind: 'listener', ...listener });
      }
      else if (step.startsWith('lang')) click(`[data-testid=lang-${step.slice(4)}]`);
      await pause();
    }
    document.body.dataset.done = '1';
  });
})();

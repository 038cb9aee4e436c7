// A stand-in for the Rust core, for looking at the window in a plain browser: `npm run dev`, then
// open http://localhost:1420/dev/preview.html. Never part of the build (Vite builds index.html only).
//
// Query flags: ?empty (no orders, documents or products) ?error (list_orders fails) ?busy (port
// busy) ?public (a public URL is set) ?testfail (send_test_order fails) ?mailfail (e-mails are
// refused by the mail server) ?nocups (no printing system) ?noprinter (CUPS without printers)
// ?do=row,conn,act,secret,test,listener,docs,doc,dn,stock,settings,iban,sec-numbering,bottom,langfr… (scripted
// clicks, for headless screenshots). In the console, __emit({kind: "ping", webhook_id: 1})
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
  // Settings: the keys the core knows, with light checks standing in for the core's.
  const settings = {
    'webhook.secret': 'k3Y_s3cr3t-value-0123456789', 'listener.port': '8787', 'tunnel.public_url': '',
    'documents.kind': 'invoice', 'documents.trigger': 'paid', 'documents.auto_email': 'false',
    'documents.multilingual': 'true', 'documents.default_language': 'fr',
    'documents.country_languages': 'BE=default,FR=fr,LU=fr,MC=fr,NL=nl,*=en',
    'shop.name': 'Café Lambert', 'shop.address': 'Rue de la Loi 16\n1000 Bruxelles', 'shop.vat_number': 'BE0123456749',
    'shop.enterprise_number': '0123.456.749', 'shop.iban': 'BE68539007547034', 'shop.bic': 'GKCCBEBB',
    'shop.email': 'bonjour@cafe-lambert.example', 'shop.phone': '+32 2 555 01 23', 'shop.logo': '',
    'smtp.host': 'smtp.example.be', 'smtp.port': '587', 'smtp.security': 'starttls', 'smtp.user': 'bonjour@cafe-lambert.example',
    'smtp.password': '(set)', 'smtp.from': 'Café Lambert <bonjour@cafe-lambert.example>', 'smtp.reply_to': '', 'smtp.copy_to': '',
  };
  const series = { invoice: 'F', credit_note: 'NC', order_form: 'BC', delivery_note: 'BL' };
  for (const [name, prefix] of Object.entries(series)) {
    settings[`numbering.${name}.pattern`] = `${prefix}{year}-{seq:04}`;
    settings[`numbering.${name}.yearly_reset`] = 'true';
    settings[`numbering.${name}.next`] = name === 'invoice' ? '13' : '1';
  }
  for (const l of ['fr', 'nl', 'en']) {
    settings[`legend.${l}.paid`] = { fr: 'Payé. Merci pour votre commande !', nl: 'Betaald. Bedankt voor uw bestelling!', en: 'Paid. Thank you for your order!' }[l];
    settings[`legend.${l}.unpaid`] = { fr: 'À payer : {total}, avec la communication structurée {structured_communication}. Merci !', nl: 'Te betalen: {total}, met de gestructureerde mededeling {structured_communication}. Bedankt!', en: 'Amount due: {total}, with the structured reference {structured_communication}. Thank you!' }[l];
    for (const v of ['paid', 'unpaid']) {
      settings[`email.${l}.${v}.subject`] = '{shop_name} — ' + { fr: 'votre commande', nl: 'uw bestelling', en: 'your order' }[l] + ' {order_number}';
      settings[`email.${l}.${v}.body`] = { fr: 'Bonjour {customer_name},\n\nMerci pour votre commande {order_number}.\n\nBien cordialement,\n{shop_name}', nl: 'Beste {customer_name},\n\nBedankt voor uw bestelling {order_number}.\n\nMet vriendelijke groeten,\n{shop_name}', en: 'Dear {customer_name},\n\nThank you for your order {order_number}.\n\nKind regards,\n{shop_name}' }[l];
    }
  }
  for (const k of Object.keys(settings)) settings[k] = settings[k].replace(/\\n/g, '\n');
  const oneOf = { 'documents.kind': ['order_form', 'delivery_note', 'invoice'], 'documents.trigger': ['created', 'paid', 'processing', 'completed'], 'documents.default_language': ['fr', 'nl', 'en'], 'smtp.security': ['starttls', 'tls', 'none'] };
  const known = ['order_number', 'document_number', 'customer_name', 'total', 'structured_communication', 'document_date', 'shop_name'];
  function ibanOk(v) {
    const s = v.replace(/[\s-]/g, '').toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
    const digits = (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
    let r = 0; for (const d of digits) r = (r * 10 + Number(d)) % 97;
    return r === 1 ? s : false;
  }
  function check({ key, value }) {
    if (!(key in settings)) throw `Unknown setting "${key}".`;
    const v = value.trim();
    const no = (rule) => { throw `${key} cannot be "${value}": ${rule}`; };
    if (oneOf[key]) return oneOf[key].includes(v) ? v : no('choose one of: ' + oneOf[key].join(', '));
    if (/auto_email|multilingual|yearly_reset/.test(key)) return ['true', 'false'].includes(v) ? v : no('write true or false');
    if (key.endsWith('.next')) return /^[1-9]\d*$/.test(v) ? v : no('a whole number from 1');
    if (key.endsWith('.pattern')) return /^[A-Za-z0-9\-\/._]*(\{year\}[A-Za-z0-9\-\/._]*)?\{seq(:0[1-9])?\}[A-Za-z0-9\-\/._]*$|^[A-Za-z0-9\-\/._]*\{seq(:0[1-9])?\}[A-Za-z0-9\-\/._]*\{year\}[A-Za-z0-9\-\/._]*$/.test(v) ? v : no('use {year} and one {seq} (or {seq:04} for at least 4 digits) with letters, digits, - / . _ around them, e.g. F{year}-{seq:04}');
    if (key === 'shop.iban') { if (!v) return ''; const ok = ibanOk(v); return ok || no(`${v} is not a valid IBAN: the check digits do not match (modulo 97); look for a typing mistake.`); }
    if (key === 'shop.email') return !v || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? v : no(`${v} is not an e-mail address`);
    if (key === 'smtp.password') { if (/[\r\n]/.test(value)) throw `${key} cannot be "(hidden)": a password on one line, under 1024 characters`; return value; }
    if (key === 'smtp.port') return /^\d+$/.test(v) && +v >= 1 && +v <= 65535 ? v : no('a port from 1 to 65535, usually 587 (STARTTLS), 465 (TLS) or 25');
    if (key === 'smtp.host') return /^[A-Za-z0-9.-]*$/.test(v) ? v.toLowerCase() : no('a host name such as smtp.example.com (letters, digits, - and .)');
    if (['smtp.from', 'smtp.reply_to', 'smtp.copy_to'].includes(key)) {
      const address = (v.match(/<([^<>]*)>$/) || [null, v])[1].trim();
      return !v || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address) ? v : no(`${address} is not an e-mail address`);
    }
    if (key.startsWith('legend.') || key.startsWith('email.')) {
      for (const m of value.matchAll(/\{([^{}]*)\}/g)) if (!known.includes(m[1].trim())) no(`The text uses {${m[1]}}, which Comptoir does not know. The placeholders you can use are: ${known.map((k) => `{${k}}`).join(', ')}.`);
      return value;
    }
    if (key === 'documents.country_languages') {
      for (const e of v.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean)) if (!/^([A-Za-z]{2}|\*)=(default|fr|nl|en)$/i.test(e)) no(`"${e}" is not COUNTRY=LANGUAGE (a two-letter country code or *, and default, fr, nl or en)`);
      return v.toUpperCase().replace(/=(DEFAULT|FR|NL|EN)/g, (m) => m.toLowerCase());
    }
    return v;
  }
  const docBase = { order_number: '22', refund_id: null, paid_by_hand: false, language: 'fr', currency: 'EUR', customer_name: 'Marie Lambert', internal_note: '', finalized_at: null, updated_at: '2026-11-28T14:29:41' };
  let documents = mode.has('empty') ? [] : [
    { ...docBase, id: 4, order_id: 5001, order_number: '5001', kind: 'delivery_note', state: 'concept', number: 'BL2026-0001', paid: true, total: '38.30', total_vat: '6.65', structured_communication: null, customer_name: 'Luc Martin', created_at: '2026-11-28T16:02:00' },
    { ...docBase, id: 3, order_id: 22, kind: 'invoice', state: 'concept', number: null, paid: false, total: '60.80', total_vat: '8.69', structured_communication: '+++000/0000/00303+++', created_at: '2026-11-28T14:29:41' },
    { ...docBase, id: 2, order_id: 21, order_number: '21', kind: 'invoice', state: 'final', number: 'F2026-0012', paid: true, paid_by_hand: true, total: '1234.50', total_vat: '214.25', structured_communication: '+++000/0000/00202+++', customer_name: 'Jan Peeters', language: 'nl', created_at: '2026-11-27T09:03:00', finalized_at: '2026-11-27T10:00:00' },
    { ...docBase, id: 1, order_id: 20, order_number: '20', kind: 'credit_note', refund_id: 31, state: 'final', number: 'NC2026-0001', paid: false, total: '-15.00', total_vat: '-2.60', structured_communication: null, customer_name: 'Société Dupont SRL', created_at: '2026-11-20T18:45:00', finalized_at: '2026-11-21T08:00:00' },
  ];
  const docDetail = (d) => ({
    ...d, total_excl: '52.11', customer_note: d.id === 3 ? 'Merci de livrer après 17 h.' : '', billing: addr, shipping: { ...addr, email: null, phone: '' },
    customer_vat_number: d.id === 2 ? 'BE0403170701' : null, coupons: d.id === 3 ? ['bienvenue10'] : [],
    lines: d.kind === 'delivery_note' ? [
      { kind: 'product', sku: 'TSHIRT-MK-M', description: 'T-shirt « Manneken » - M (Taille : M)', quantity: '1', unit_price_excl: '20.62', discount_excl: '0.00', vat_rate: '21', total_excl: '20.62', vat: '4.33' },
      { kind: 'product', sku: 'FILT-004', description: 'Filtres papier n°4 (x100)', quantity: '2', unit_price_excl: '3.47', discount_excl: '0.00', vat_rate: '21', total_excl: '6.94', vat: '1.46' },
      { kind: 'shipping', sku: null, description: 'Livraison bpost', quantity: '1', unit_price_excl: '4.09', discount_excl: '0.00', vat_rate: '21', total_excl: '4.09', vat: '0.86' },
    ] : [
      { kind: 'product', sku: 'MOUL-001', description: 'Moulin à café manuel', quantity: '1', unit_price_excl: '33.02', discount_excl: '3.30', vat_rate: '21', total_excl: '29.72', vat: '6.24' },
      { kind: 'product', sku: 'CAFE-250', description: 'Café moulu — 250 g', quantity: '2', unit_price_excl: '7.50', discount_excl: '1.50', vat_rate: '6', total_excl: '13.50', vat: '0.81' },
      { kind: 'shipping', sku: null, description: 'Livraison bpost', quantity: '1', unit_price_excl: '4.09', discount_excl: '0.00', vat_rate: '21', total_excl: '4.09', vat: '0.86' },
      { kind: 'fee', sku: null, description: 'Emballage cadeau', quantity: '1', unit_price_excl: '2.00', discount_excl: '0.00', vat_rate: '21', total_excl: '2.00', vat: '0.42' },
    ],
    vat_summary: [{ rate: '6', base_excl: '13.50', vat: '0.81' }, { rate: '21', base_excl: '35.81', vat: '7.52' }],
    legend: d.paid ? 'Payé. Merci pour votre commande !' : `À payer : 60.80 EUR, avec la communication structurée ${d.structured_communication}. Merci !`,
  });
  let products = mode.has('empty') ? [] : [
    { sku: 'CAFE-250', name: 'Café moulu — 250 g', stock: '18', ledger_total: '18', updated_at: '2026-11-28T14:29:41' },
    { sku: 'FILT-004', name: 'Filtres papier n°4 (x100)', stock: null, ledger_total: '-2', updated_at: '2026-11-28T16:02:00' },
    { sku: 'MOUL-001', name: 'Moulin à café manuel', stock: '4', ledger_total: '4', updated_at: '2026-11-28T14:29:41' },
  ];
  let ledger = mode.has('empty') ? [] : [
    { id: 1, sku: 'CAFE-250', document_id: null, quantity: '20', reason: 'stock set to 20 by the owner', at: '2026-11-26T09:00:00' },
    { id: 2, sku: 'MOUL-001', document_id: null, quantity: '5', reason: 'stock set to 5 by the owner', at: '2026-11-26T09:01:00' },
    { id: 3, sku: 'CAFE-250', document_id: 3, quantity: '-2', reason: 'invoice for order 22', at: '2026-11-28T14:29:41' },
    { id: 4, sku: 'MOUL-001', document_id: 3, quantity: '-1', reason: 'invoice for order 22', at: '2026-11-28T14:29:41' },
    { id: 5, sku: 'FILT-004', document_id: 2, quantity: '-2', reason: 'invoice for order 21', at: '2026-11-28T16:02:00' },
  ];
  const findDoc = (id) => { const d = documents.find((x) => x.id === id); if (!d) throw `There is no document ${id}.`; return d; };
  const customerNotes = { 3: 'Merci de livrer après 17 h.' };
  // The outbox: one row per document, sent by a pretend worker a moment after it is queued.
  let outbox = mode.has('empty') ? [] : [
    { id: 1, document_id: 2, document_number: 'F2026-0012', recipient: 'jan@example.test', state: 'sent', attempts: 1, last_error: null, last_error_temporary: null, queued_at: '2026-11-27T10:00:00', next_attempt_at: '2026-11-27T10:00:00', first_failure_at: null, sent_at: '2026-11-27T10:00:02', server_response: '250 2.0.0 Ok: queued as 4F2A91C0' },
    { id: 2, document_id: 1, document_number: 'NC2026-0001', recipient: 'info@dupont.example', state: 'failed', attempts: 1, last_error: 'The mail server refused the address: “550 5.1.1 <info@dupont.example>: Recipient address rejected: User unknown in virtual mailbox table”. Check the address it names among info@dupont.example: the customer\'s comes from the order\'s billing e-mail, the copy address from Settings → E-mail. Then send the document again.', last_error_temporary: false, queued_at: '2026-11-21T08:00:00', next_attempt_at: '2026-11-21T08:00:00', first_failure_at: '2026-11-21T08:00:01', sent_at: null, server_response: null },
  ];
  const now = () => new Date().toISOString().slice(0, 19);
  function queueMail(d) {
    const row = outbox.find((r) => r.document_id === d.id) || { id: outbox.length + 1, document_id: d.id, attempts: 0 };
    Object.assign(row, { document_number: d.number, recipient: 'marie.lambert@example.test', state: 'queued', last_error: null, last_error_temporary: null, queued_at: now(), next_attempt_at: now(), first_failure_at: null, sent_at: null, server_response: null });
    if (!outbox.includes(row)) outbox = [...outbox, row];
    setTimeout(() => {
      row.attempts += 1;
      if (mode.has('mailfail')) {
        Object.assign(row, { state: 'failed', last_error: 'The mail server refused the address: “550 5.1.1 <marie.lambert@example.test>: Recipient address rejected: User unknown in virtual mailbox table”. Check the address it names among marie.lambert@example.test: the customer\'s comes from the order\'s billing e-mail, the copy address from Settings → E-mail. Then send the document again.', last_error_temporary: false, first_failure_at: now() });
      } else {
        Object.assign(row, { state: 'sent', sent_at: now(), server_response: '250 2.0.0 Ok: queued as 7C1D22E9' });
        d.state = 'sent';
      }
      emit({ kind: 'mail', document_id: d.id, state: row.state, error: row.last_error });
    }, 900);
  }
  function finalize(d) {
    if (d.state !== 'concept') return;
    Object.assign(d, { state: 'final', finalized_at: now(), number: d.number ?? `F2026-00${settings['numbering.invoice.next']}` });
    if (d.kind === 'invoice') settings['numbering.invoice.next'] = String(+settings['numbering.invoice.next'] + 1);
  }
  /** A one-page PDF with a few lines of text (Helvetica, not embedded), in base64. */
  function samplePdf(d) {
    const esc = (t) => t.replace(/[()\\]/g, (c) => '\\' + c);
    const title = { invoice: 'Facture', credit_note: 'Note de crédit', order_form: 'Bon de commande', delivery_note: 'Bon de livraison' }[d.kind];
    const lines = [`${title} ${d.number ?? '(CONCEPT)'}`, `Commande ${d.order_number} — ${d.customer_name}`, customerNotes[d.id] ?? '', d.kind === 'delivery_note' ? '' : `Total : ${d.total} EUR`].filter(Boolean);
    const text = ['BT', '/F1 20 Tf', '56 770 Td', ...lines.flatMap((l, i) => [i ? '0 -30 Td' : '', `(${esc(l)}) Tj`]).filter(Boolean), 'ET'].join('\n');
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets = objects.map((o, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; return at; });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return btoa(pdf.replace(/[^\x00-\xff]/g, '-'));
  }
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
    list_settings: () => Object.entries(settings).map(([key, value]) => ({ key, value, help: '' })),
    check_setting: (args) => check(args),
    set_setting: (args) => (settings[args.key] = check(args)),
    list_documents: ({ kind, docState, paid }) => documents.filter((d) => (kind === undefined || d.kind === kind) && (docState === undefined || d.state === docState) && (paid === undefined || d.paid === paid)),
    document_detail: ({ id }) => ({ ...docDetail(findDoc(id)), customer_note: customerNotes[id] ?? '' }),
    finalize_document: ({ id }) => {
      const d = findDoc(id);
      if (d.state !== 'concept') throw `Document ${id} is ${d.state}; it is already final.`;
      finalize(d);
      return d;
    },
    set_document_note: ({ id, note }) => {
      if (note.length > 2000) throw 'Keep the internal note under 2000 characters.';
      return Object.assign(findDoc(id), { internal_note: note.trim() });
    },
    set_customer_note: ({ id, note }) => {
      const d = findDoc(id);
      if (d.state !== 'concept') throw `Document ${id} is ${d.state}; only a concept's note can be changed.`;
      customerNotes[id] = note.trim();
      return d;
    },
    document_pdf: ({ id }) => samplePdf(findDoc(id)),
    email_preview: ({ id }) => {
      const d = findDoc(id);
      const title = { invoice: 'Facture', credit_note: 'Note de crédit', order_form: 'Bon de commande', delivery_note: 'Bon de livraison' }[d.kind];
      return {
        to: d.id === 4 ? null : 'marie.lambert@example.test',
        subject: `Café Lambert — votre commande ${d.order_number}`,
        body: `Bonjour ${d.customer_name},\n\nMerci pour votre commande ${d.order_number}. Vous trouverez en pièce jointe le document ${d.number ?? ''}.\n\nBien cordialement,\nCafé Lambert`,
        attachment_name: `${title} ${d.number ?? `concept-${d.id}`}.pdf`,
        message_id: `<document-${d.id}@comptoir.invalid>`,
      };
    },
    send_documents: ({ ids }) => ids.map((id) => {
      const d = findDoc(id);
      if (d.state === 'sent') throw `Document ${id} was already e-mailed; it is not sent twice.`;
      if (d.state === 'cancelled') throw `Document ${id} is cancelled; it cannot be sent.`;
      finalize(d);
      queueMail(d);
      return d;
    }),
    list_outbox: () => outbox,
    send_test_email: ({ to }) => {
      if (mode.has('mailfail')) throw `The mail server refused the address: “550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table”.`;
      return '250 2.0.0 Ok: queued as 9A0B1C2D';
    },
    list_printers: () => {
      if (mode.has('nocups')) throw 'The printing system (CUPS) is not available (No such file or directory (os error 2)). Install CUPS and add a printer, then try again.';
      return mode.has('noprinter') ? [] : ['Brother_HL-L2350DW', 'Etiquettes_Zebra'];
    },
    print_documents: ({ ids, printer }) => {
      ids.forEach((id, n) => {
        finalize(findDoc(id));
        setTimeout(() => emit({ done: n + 1, total: ids.length }, 'comptoir:print'), 150 * (n + 1));
      });
      return new Promise((resolve) => setTimeout(() => resolve(`${printer}-42`), 150 * ids.length + 100));
    },
    todays_delivery_notes: () => documents.filter((d) => d.kind === 'delivery_note' && d.state !== 'cancelled'),
    mark_document_paid: ({ id }) => Object.assign(findDoc(id), { paid: true, paid_by_hand: true }),
    delete_document: ({ id }) => {
      const d = findDoc(id);
      if (d.state !== 'concept') throw `Document ${id} is ${d.state}; only concepts can be deleted. A final invoice is corrected with a credit note.`;
      documents = documents.filter((x) => x !== d);
      return null;
    },
    list_stock: () => products,
    stock_ledger: ({ sku }) => ledger.filter((m) => sku === undefined || m.sku === sku),
    set_stock: ({ sku, quantity }) => {
      if (!/^-?\d+(\.\d+)?$/.test(quantity.trim())) throw `stock of ${sku} cannot be "${quantity}": a number, like 12 or 2.5`;
      const p = products.find((x) => x.sku === sku);
      ledger = [...ledger, { id: ledger.length + 1, sku, document_id: null, quantity: String(Number(quantity) - Number(p.ledger_total)), reason: `stock set to ${quantity} by the owner`, at: '2026-11-28T17:30:00' }];
      Object.assign(p, { stock: quantity.trim(), ledger_total: quantity.trim() });
      return p;
    },
    list_failed_deliveries: () => [
      { id: 1, received_at: '2026-11-28T12:00:00', source: 'https://shop.example.be/', topic: 'order.updated', webhook_id: 4, delivery_id: 'zz', reason: 'the body is not an order: missing field `status`', body_len: 1500, body_preview: '{"id":22,"parent_id":0,"currency":"EUR","version":"11.0.1", ... }' },
    ],
  };
  function emit(payload, event = 'comptoir:event') {
    for (const l of listeners) if (l.event === event) callbacks[l.handler]?.({ event, id: 0, payload });
  }
  window.__emit = emit;
  window.isTauri = true;
  window.__TAURI_INTERNALS__ = {
    transformCallback(cb) { const id = nextId++; callbacks[id] = cb; return id; },
    unregisterCallback(id) { delete callbacks[id]; },
    async invoke(cmd, args) {
      if (cmd === 'plugin:event|listen') { listeners.push({ event: args.event, handler: args.handler }); return 1; }
      if (cmd === 'plugin:event|unlisten') return null;
      const f = commands[cmd];
      if (!f) throw `unknown command ${cmd}`;
      return JSON.parse(JSON.stringify(await f(args || {})));
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
      else if (step === 'docs') click('[data-testid=nav-documents]');
      else if (step === 'doc') document.querySelector('[data-testid=document-row][data-document-id="3"] td')?.click();
      else if (step === 'dn') document.querySelector('[data-testid=document-row][data-kind=delivery_note] td')?.click();
      else if (step === 'stock') click('[data-testid=nav-stock]');
      else if (step === 'settings') click('[data-testid=nav-settings]');
      else if (step === 'iban') {
        const input = document.querySelector('[data-testid="setting-shop.iban"]');
        input.value = 'BE68 5390 0754 7035';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.scrollIntoView({ block: 'center' });
        await new Promise((r) => setTimeout(r, 400));
      }
      else if (step === 'bottom') window.scrollTo(0, document.body.scrollHeight);
      else if (step.startsWith('sec-')) document.getElementById('settings-' + step.slice(4))?.scrollIntoView();
      else if (step.startsWith('lang')) click(`[data-testid=lang-${step.slice(4)}]`);
      await pause();
    }
    document.body.dataset.done = '1';
  });
})();

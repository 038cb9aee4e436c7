// Every visible text in English, French and Dutch. English is the reference: the compiler refuses
// a French or Dutch dictionary that misses a key. `{name}` marks a value filled in at display.
//
// The reactive `t()` used by the screens lives in `locale.svelte.ts`.

export type Lang = 'fr' | 'nl' | 'en';

export const LANGS: readonly Lang[] = ['fr', 'nl', 'en'];

const en = {
  'app.name': 'Comptoir',
  'nav.label': 'Screens',
  'nav.orders': 'Orders',
  'nav.connection': 'Connection',
  'nav.activity': 'Activity',
  'lang.label': 'Language',
  'lang.fr': 'Français',
  'lang.nl': 'Nederlands',
  'lang.en': 'English',

  'common.loading': 'Loading…',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.close': 'Close',
  'common.show': 'Show',
  'common.hide': 'Hide',
  'common.retry': 'Try again',
  'common.notLoaded': 'Not available: see the message above.',
  'common.colon': ':',

  'error.title': 'Something went wrong',
  'error.dismiss': 'Dismiss',
  'error.notInApp':
    'This page only shows data inside the Comptoir app; it was opened in a plain browser.',
  'error.orders': 'The orders could not be loaded',
  'error.order': 'The order could not be opened',
  'error.connection': 'The connection details could not be loaded',
  'error.activity': 'The activity log could not be loaded',
  'error.failed': 'The failed deliveries could not be loaded',
  'error.restart': 'The listener could not be restarted',
  'error.testOrder': 'The test order failed',
  'error.copy': 'Copying failed; select the text and copy it by hand',
  'error.events': 'Live updates are not available; reopen Comptoir',

  'listener.listening': 'Listening on port {port}',
  'listener.port_busy': 'Port {port} is busy',
  'listener.stopped': 'Stopped',
  'listener.unknown': 'Listener state unknown',

  'status.pending': 'Pending payment',
  'status.processing': 'Processing',
  'status.on-hold': 'On hold',
  'status.completed': 'Completed',
  'status.cancelled': 'Cancelled',
  'status.refunded': 'Refunded',
  'status.failed': 'Failed',
  'status.checkout-draft': 'Draft',
  'status.trash': 'In trash',

  'outcome.created': 'Created',
  'outcome.updated': 'Updated',
  'outcome.duplicate': 'Repeat, no change',
  'outcome.stale': 'Older version, ignored',
  'outcome.trashed': 'Moved to trash',
  'outcome.restored': 'Restored from trash',
  'outcome.ignored': 'Ignored, not an order',
  'outcome.unknown_order': 'Unknown order',

  'topic.order.created': 'Order created',
  'topic.order.updated': 'Order updated',
  'topic.order.deleted': 'Order deleted',
  'topic.order.restored': 'Order restored',

  'badge.paid': 'Paid',
  'badge.unpaid': 'Not paid',
  'badge.test': 'Test',
  'badge.trashed': 'In trash',

  'orders.title': 'Orders',
  'orders.countOne': '1 order',
  'orders.countMany': '{n} orders',
  'orders.col.number': 'Order',
  'orders.col.date': 'Date',
  'orders.col.customer': 'Customer',
  'orders.col.total': 'Total',
  'orders.col.status': 'Status',
  'orders.col.payment': 'Payment',
  'orders.noName': 'No name given',
  'orders.empty.title': 'No orders yet',
  'orders.empty.body':
    'Orders appear here by themselves as soon as your WooCommerce shop sends them, with no need to refresh.',
  'orders.empty.connect':
    'To connect the shop, copy the delivery URL and the secret from the Connection screen into two webhooks in WooCommerce.',
  'orders.empty.goConnection': 'Open Connection',
  'orders.empty.test': 'To check that Comptoir receives orders on this computer, send a test order.',

  'detail.title': 'Order {number}',
  'detail.close': 'Close the order',
  'detail.placed': 'Placed',
  'detail.shop': 'Shop',
  'detail.testNote': 'A test order made by Comptoir, not a real order.',
  'detail.trashedNote': 'This order is in the trash in WooCommerce.',
  'detail.billing': 'Billing address',
  'detail.shipping': 'Shipping address',
  'detail.noAddress': 'No address given',
  'detail.email': 'E-mail',
  'detail.phone': 'Phone',
  'detail.note': 'Customer note',
  'detail.items': 'Items',
  'detail.col.product': 'Product',
  'detail.col.sku': 'SKU',
  'detail.col.qty': 'Qty',
  'detail.col.net': 'Excl. VAT',
  'detail.col.vat': 'VAT',
  'detail.noItems': 'No items.',
  'detail.shippingLines': 'Shipping',
  'detail.fees': 'Fees',
  'detail.coupons': 'Coupons',
  'detail.refunds': 'Refunds',
  'detail.noReason': 'No reason given',
  'detail.totals': 'Totals',
  'detail.discount': 'Discount (excl. VAT)',
  'detail.shippingTotal': 'Shipping (excl. VAT)',
  'detail.totalTax': 'VAT',
  'detail.total': 'Total',
  'detail.pricesInclTax': 'The shop enters its prices including VAT.',
  'detail.pricesExclTax': 'The shop enters its prices excluding VAT.',
  'detail.payment': 'Payment',
  'detail.paidOn': 'Paid on {date}',
  'detail.notPaid': 'Not paid yet',
  'detail.deliveries': 'Delivery history',
  'detail.col.received': 'Received',
  'detail.col.topic': 'Topic',
  'detail.col.webhook': 'Webhook',
  'detail.col.outcome': 'Result',
  'detail.noDeliveries': 'No delivery recorded.',

  'connection.title': 'Connection',
  'connection.intro':
    'WooCommerce sends every new or changed order to Comptoir through two webhooks. Paste these two values into both.',
  'connection.deliveryUrl': 'Delivery URL',
  'connection.secret': 'Secret',
  'connection.secretHidden': 'Hidden',
  'connection.showSecret': 'Show the secret',
  'connection.hideSecret': 'Hide the secret',
  'connection.localNote':
    'This is an address on this computer. WooCommerce only delivers to a public HTTPS address, on port 443, 80 or 8080, with a valid certificate: your shop needs a tunnel or a reverse proxy that forwards to this address. The local address is enough for the test order.',
  'connection.publicNote': 'This public address must forward to Comptoir on this computer: {local}',
  'connection.listener': 'Listener',
  'connection.restart': 'Restart listener',
  'connection.restarting': 'Restarting…',
  'connection.refused': 'A delivery was refused at {at}: {reason}.',
  'connection.dataDir': 'Data folder',
  'refused.wrong signature': 'wrong signature — the secret in WooCommerce differs from this one',
  'refused.no signature': 'no signature — the request was not a signed WooCommerce delivery',
  'refused.body too large': 'the body was larger than 1 MiB',
  'refused.other': '{reason} (HTTP {status})',

  'steps.title': 'Set up the webhooks in WooCommerce',
  'steps.1':
    'In the WordPress admin, open WooCommerce → Settings → Advanced → Webhooks and click “Add webhook”.',
  'steps.2': 'Name: for example “Comptoir – order created”.',
  'steps.3': 'Status: “Active”.',
  'steps.4': 'Topic: “Order created”.',
  'steps.5': 'Delivery URL: paste the delivery URL shown above.',
  'steps.6': 'Secret: paste the secret shown above.',
  'steps.7': 'API version: “WP REST API Integration v3”.',
  'steps.8': 'Click “Save webhook”. WooCommerce then sends a ping, which appears in Activity.',
  'steps.9':
    'Add a second webhook the same way, with the topic “Order updated” and the name “Comptoir – order updated”.',
  'steps.hint': 'The field names follow the language of your WordPress admin.',

  'test.title': 'Check this computer',
  'test.body':
    'A test order takes the same path as a real one: a signed delivery to the listener. It is marked “Test” in Orders.',
  'test.button': 'Send a test order',
  'test.sending': 'Sending…',
  'test.received': 'Test order {id} received',
  'test.see': 'see Orders',
  'test.failed': 'The test order failed: {reason}',

  // --- Connection screen: public address, one-click set-up, catch-up (reach.*) ---
  'reach.tunnel.title': 'Public address',
  'reach.tunnel.intro':
    'WooCommerce only delivers to a public HTTPS address. Choose how this computer gets one; Comptoir lets only the webhook path through.',
  'reach.provider.label': 'How WooCommerce reaches this computer',
  'reach.provider.manual.name': 'My own address',
  'reach.provider.manual.help':
    'your own tunnel or reverse proxy, forwarding to the listener; you enter its HTTPS address.',
  'reach.provider.cloudflared.name': 'Cloudflare quick tunnel',
  'reach.provider.cloudflared.help':
    'free, no account; needs the cloudflared program. Its address changes at every start, and Comptoir moves the webhooks each time.',
  'reach.provider.ngrok.name': 'ngrok',
  'reach.provider.ngrok.help':
    'with your ngrok account’s authtoken, and a reserved domain if you have one (the address then stays the same).',
  'reach.manual.url': 'Public address',
  'reach.manual.urlHelp':
    'For example https://orders.myshop.be. It must forward to this computer’s listener; Test checks the address as typed.',
  'reach.cloudflared.installed': 'cloudflared is installed: Comptoir starts it and stops it with the app.',
  'reach.cloudflared.help':
    'Install cloudflared from Cloudflare’s site (developers.cloudflare.com → cloudflared → Downloads) if it is not yet on this computer.',
  'reach.cloudflared.path': 'cloudflared program',
  'reach.cloudflared.pathHelp':
    'Only if Comptoir does not find it by itself: the full path of the cloudflared program.',
  'reach.ngrok.token': 'ngrok authtoken',
  'reach.ngrok.tokenKeep': 'Type a new authtoken to replace it',
  'reach.ngrok.tokenStored':
    'An authtoken is stored (dashboard.ngrok.com → Your Authtoken). It is never shown; type a new one to replace it.',
  'reach.ngrok.tokenNone': 'No authtoken stored. Copy yours from dashboard.ngrok.com → Your Authtoken.',
  'reach.ngrok.tokenRemove': 'Remove it',
  'reach.ngrok.tokenSaved': 'Authtoken saved',
  'reach.ngrok.tokenRemoved': 'Authtoken removed',
  'reach.ngrok.domain': 'Reserved domain (optional)',
  'reach.ngrok.domainHelp':
    'For example myshop.ngrok.app. Without one, ngrok gives an address that may change.',
  'reach.state.starting': '{provider}: starting…',
  'reach.state.up': '{provider}: up',
  'reach.state.down': '{provider}: down',
  'reach.state.changing': 'The tunnel is changing…',
  'reach.restarts': 'Restarted {count} {count|time|times} after it stopped.',
  'reach.test.button': 'Test',
  'reach.test.running': 'Testing…',
  'reach.test.help':
    'Sends a request through the public address and checks that it comes back to this computer’s listener.',
  'reach.test.ok': 'It works: round trip in {ms} ms',
  'reach.test.failed': 'The test did not reach Comptoir',

  'reach.shop.title': 'Connect the shop (one click)',
  'reach.shop.intro':
    'With a REST API key, Comptoir creates its two webhooks in WooCommerce itself, keeps them pointed at the current address, and fetches orders it may have missed.',
  'reach.key.title': 'Where to create the key',
  'reach.key.1':
    'In the WordPress admin, open WooCommerce → Settings → Advanced → REST API and click “Add key”.',
  'reach.key.2': 'Description: for example “Comptoir”; User: an administrator.',
  'reach.key.3': 'Permissions: “Read/Write”, then click “Generate API key”.',
  'reach.key.4':
    'Copy the consumer key (ck_…) and the consumer secret (cs_…) below: WooCommerce shows the secret only once.',
  'reach.key.why':
    'Read/Write access is needed: Comptoir creates and repairs its webhooks (write) and reads the orders it missed (read).',
  'reach.shop.url': 'Shop address',
  'reach.shop.urlHelp': 'For example https://www.myshop.be (https is required).',
  'reach.shop.key': 'Consumer key',
  'reach.shop.keyHelp': 'Starts with ck_.',
  'reach.shop.secret': 'Consumer secret',
  'reach.shop.secretKeep': 'Type a new secret to replace it',
  'reach.shop.secretStored':
    'A consumer secret is stored in the system keychain. It is never shown; type a new one to replace it.',
  'reach.shop.secretNone': 'No consumer secret stored. It starts with cs_.',
  'reach.shop.secretRemove': 'Remove it',
  'reach.shop.secretSaved': 'Consumer secret saved',
  'reach.shop.secretRemoved': 'Consumer secret removed',
  'reach.connect.button': 'Connect',
  'reach.connect.again': 'Connect again',
  'reach.connect.running': 'Connecting…',
  'reach.connect.help':
    'Creates the webhooks “order created” and “order updated”, or updates the ones Comptoir made before: pressing it again never makes duplicates.',
  'reach.connect.needsAddress':
    'Connect needs the public address to be up: WooCommerce must know where to deliver.',
  'reach.connect.done': 'The shop is connected.',
  'reach.connect.unchanged': 'The shop was already connected: nothing needed changing.',
  'reach.connect.failed': 'Connecting the shop failed',
  'reach.hooks.title': 'Comptoir’s webhooks in WooCommerce',
  'reach.hooks.topic': 'Topic',
  'reach.hooks.id': 'No.',
  'reach.hooks.status': 'Status',
  'reach.hooks.url': 'Delivers to',
  'reach.hooks.noneYet': 'None yet: press Connect.',
  'reach.hooks.manualOnly':
    'Not connected by Comptoir. Without an API key, set the webhooks up by hand (see Manual set-up).',
  'reach.hooks.changes': 'What changed last time',
  'reach.hooks.checked': 'Last checked {at}.',
  'reach.hooks.neverChecked': 'Not checked yet.',
  'reach.hooks.auto':
    'Comptoir checks them at start and regularly: it re-activates a webhook WooCommerce disabled and recreates a deleted one.',
  'reach.hooks.check': 'Check now',
  'reach.hooks.checking': 'Checking…',
  'reach.topic.created': 'Order created',
  'reach.topic.updated': 'Order updated',
  'reach.hook.active': 'Active',
  'reach.hook.paused': 'Paused',
  'reach.hook.disabled': 'Disabled',
  'reach.hook.deleted': 'Deleted',

  'reach.catchUp.title': 'Missed orders',
  'reach.catchUp.intro':
    'WooCommerce never resends a delivery that failed (Comptoir closed, computer asleep). Comptoir therefore asks the shop for the orders changed since the last one it knows: at start, when the public address comes back, and regularly.',
  'reach.catchUp.last': 'Last catch-up: {at} — {count} {count|order|orders} brought in.',
  'reach.catchUp.never': 'No catch-up has run yet.',
  'reach.catchUp.failedAt': 'The last attempt failed ({at}):',
  'reach.catchUp.failed': 'The last attempt failed:',
  'reach.catchUp.button': 'Catch up now',
  'reach.catchUp.running': 'Catching up…',
  'reach.catchUp.needsKey':
    'The catch-up needs the shop address and a REST API key (see “Connect the shop”).',
  'reach.catchUp.interval': 'Every (minutes)',
  'reach.catchUp.intervalHelp': 'From 1 to 1440; 10 by default.',

  'reach.manualSetup.title': 'Manual set-up (without API key)',
  'reach.manualSetup.intro': 'You can also create the two webhooks in WooCommerce yourself.',

  'activity.title': 'Activity',
  'activity.log': 'Activity log',
  'activity.empty': 'Nothing has happened yet.',
  'activity.col.at': 'Time',
  'activity.col.level': 'Level',
  'activity.col.message': 'Event',
  'level.info': 'Info',
  'level.warning': 'Warning',
  'level.error': 'Error',
  'failed.title': 'Failed deliveries',
  'failed.intro':
    'Correctly signed deliveries that could not be read as an order. They are kept so that nothing is lost.',
  'failed.empty': 'No failed deliveries.',
  'failed.topic': 'Topic',
  'failed.shop': 'Shop',
  'failed.webhook': 'Webhook',
  'failed.reason': 'Reason',
  'failed.preview': 'Start of the body ({size})',

  'nav.documents': 'Documents',
  'nav.stock': 'Stock',
  'nav.settings': 'Settings',

  'error.documents': 'The documents could not be loaded',
  'error.document': 'The document could not be opened',
  'error.finalize': 'The document could not be finalised',
  'error.markPaid': 'The document could not be marked paid',
  'error.delete': 'The concept could not be deleted',
  'error.stock': 'The stock could not be loaded',
  'error.ledger': 'The stock ledger could not be loaded',
  'error.settings': 'The settings could not be loaded',

  'kind.invoice': 'Invoice',
  'kind.credit_note': 'Credit note',
  'kind.order_form': 'Order form',
  'kind.delivery_note': 'Delivery note',
  'docState.concept': 'Concept',
  'docState.final': 'Final',
  'docState.sent': 'Sent',
  'docState.cancelled': 'Cancelled',
  'lineKind.shipping': 'Shipping',
  'lineKind.fee': 'Fee',

  'documents.title': 'Documents',
  'documents.countOne': '1 document',
  'documents.countMany': '{n} documents',
  'documents.paid': 'Paid',
  'documents.unpaid': 'Not paid',
  'documents.filters': 'Filters',
  'documents.filter.kind': 'Kind',
  'documents.filter.state': 'State',
  'documents.filter.payment': 'Payment',
  'documents.filter.allKinds': 'All kinds',
  'documents.filter.allStates': 'All states',
  'documents.filter.allPayments': 'Paid or not',
  'documents.filter.clear': 'Show all documents',
  'documents.col.number': 'Number',
  'documents.col.kind': 'Kind',
  'documents.col.order': 'Order',
  'documents.col.customer': 'Customer',
  'documents.col.total': 'Total',
  'documents.col.state': 'State',
  'documents.col.payment': 'Payment',
  'documents.concept': 'Concept',
  'documents.noPrices': 'A delivery note shows no prices',
  'documents.empty.title': 'No documents yet',
  'documents.empty.filteredTitle': 'No document matches these filters',
  'documents.empty.rule': 'Each order becomes {kind} {when}. Documents appear here by themselves.',
  'documents.empty.goSettings': 'Open Settings',
  'documents.article.invoice': 'an invoice',
  'documents.article.order_form': 'an order form',
  'documents.article.delivery_note': 'a delivery note',
  'documents.when.created': 'as soon as it is placed',
  'documents.when.paid': 'once its payment is received',
  'documents.when.processing': 'when it moves to processing',
  'documents.when.completed': 'when it is completed',

  'document.loadingTitle': 'Document',
  'document.title': '{kind} {number}',
  'document.conceptTitle': '{kind} (concept)',
  'document.close': 'Close the document',
  'document.paidByHand': 'Marked paid by you',
  'document.actions': 'What to do with this document',
  'document.finalizing': 'Finalising…',
  'document.markPaid': 'Mark paid',
  'document.markingPaid': 'Marking paid…',
  'document.delete': 'Delete concept',
  'document.deleting': 'Deleting…',
  'document.confirmDelete':
    'Delete this concept? Comptoir will not make it again for this order, and the stock it took is given back.',
  'document.confirmDeleteYes': 'Yes, delete it',
  'document.confirmDeleteNo': 'Keep it',
  'document.finalizeNumbered':
    'Finalising gives the invoice its number, the next one without gaps. A final invoice can no longer be deleted, only corrected with a credit note.',
  'document.finalizeOther': 'Finalising marks the document as ready; it keeps its number.',
  'document.customerNote': 'Customer note (printed at the top)',
  'document.order': 'Order',
  'document.customer': 'Customer',
  'document.customerVat': 'Customer VAT number',
  'document.language': 'Language',
  'document.created': 'Made',
  'document.finalized': 'Finalised',
  'document.refund': 'WooCommerce refund',
  'document.lines': 'Lines',
  'document.col.sku': 'SKU',
  'document.col.description': 'Description',
  'document.col.qty': 'Qty',
  'document.col.unitPrice': 'Unit price excl. VAT',
  'document.col.discount': 'Discount',
  'document.col.vatRate': 'VAT %',
  'document.col.total': 'Total excl. VAT',
  'document.col.base': 'Base excl. VAT',
  'document.col.vat': 'VAT',
  'document.noPricesNote': 'A delivery note goes in the parcel: it lists the items and quantities, without prices.',
  'document.vatSummary': 'VAT per rate',
  'document.totalExcl': 'Total excl. VAT',
  'document.structured': 'Structured communication',
  'document.structuredHint':
    'The customer writes it with the bank transfer, so the payment can be matched to this invoice.',
  'document.legend': 'Legend (printed at the bottom)',
  'document.internalNote': 'Internal note',
  'document.internalNoteHint': 'Only for you: it is never printed or sent.',

  'stock.title': 'Stock',
  'stock.intro':
    'Products appear here the first time an order contains them (by SKU). Their stock stays unknown until you set it; invoices then take it down and credit notes put it back. Comptoir does not change the stock in WooCommerce.',
  'stock.products': 'Products',
  'stock.col.sku': 'SKU',
  'stock.col.name': 'Product',
  'stock.col.stock': 'In stock',
  'stock.col.ledgerTotal': 'Ledger total',
  'stock.col.set': 'Set the stock',
  'stock.col.at': 'When',
  'stock.col.change': 'Change',
  'stock.col.reason': 'Reason',
  'stock.col.document': 'Document',
  'stock.ledgerTotalHint': 'The sum of every movement in the ledger below',
  'stock.unknown': 'Unknown',
  'stock.unknownHint': 'Not set yet: type the quantity you have and click Set.',
  'stock.mismatchHint': 'The stock differs from the sum of the ledger.',
  'stock.setLabel': 'New stock of {sku}',
  'stock.set': 'Set',
  'stock.showMovements': 'Show its movements',
  'stock.showAllMovements': 'Show all movements',
  'stock.empty.title': 'No products yet',
  'stock.empty.body':
    'A product is added here the first time an order line with a SKU arrives. Lines without a SKU are not counted.',
  'stock.ledger': 'Ledger',
  'stock.ledgerIntro': 'Every change of stock, newest first: documents made or removed, and your own corrections.',
  'stock.ledgerFilter': 'Product',
  'stock.allProducts': 'All products',
  'stock.noMovements': 'No stock movement yet.',
  'stock.noMovementsFor': 'No stock movement for {sku} yet.',
  'stock.documentLink': 'Document {id}',
  'stock.byOwner': 'Set by you',

  'settings.title': 'Settings',
  'settings.intro':
    'How your orders become documents and what those documents say. Each field is checked as you type and saved on its own when you leave it; a choice is saved at once.',
  'settings.sections': 'Sections',
  'settings.saved': 'Saved',
  'settings.saving': 'Saving…',
  'settings.checking': 'Checking…',
  'settings.notSaved': 'Not saved yet: it is saved when you leave the field (or press Enter).',
  'settings.notSavedKept': 'Not saved: the previous value stays in use.',
  'settings.revert': 'Put the previous value back',
  'settings.placeholders': 'Placeholders',
  'settings.insert': 'Insert:',
  'settings.placeholdersHint':
    'Click in a text: the placeholders you can insert appear under it, and Comptoir fills them in for each document.',
  'placeholder.order_number': 'The order number in WooCommerce',
  'placeholder.document_number': 'The number of the document',
  'placeholder.customer_name': 'The customer’s name',
  'placeholder.total': 'The amount to pay, with its currency',
  'placeholder.structured_communication': 'The structured communication of the invoice (+++…+++)',
  'placeholder.shop_name': 'Your shop’s name',

  'settings.documents.title': 'Documents',
  'settings.documents.intro': 'Which document Comptoir makes for each order, and when.',
  'settings.documents.later':
    'A change applies to the next orders. Documents already made stay as they are.',
  'settings.kind.label': 'Each order becomes',
  'settings.kind.invoice.name': 'Invoice',
  'settings.kind.invoice.help':
    'the document with VAT for your accounts. It stays a concept until you finalise it; it then gets its number, without gaps.',
  'settings.kind.order_form.name': 'Order form',
  'settings.kind.order_form.help':
    'confirms to the customer what was ordered and what it costs. Numbered as soon as it is made.',
  'settings.kind.delivery_note.name': 'Delivery note',
  'settings.kind.delivery_note.help':
    'goes in the parcel: the items and quantities, without prices. Numbered as soon as it is made.',
  'settings.trigger.label': 'Make it when the order is',
  'settings.trigger.created.name': 'Created',
  'settings.trigger.created.help': 'as soon as the order is placed.',
  'settings.trigger.paid.name': 'Paid',
  'settings.trigger.paid.help':
    'when the payment is received: at once for online payments, for bank transfers when you mark the order processing, for cash on delivery only at completion.',
  'settings.trigger.processing.name': 'Processing',
  'settings.trigger.processing.help':
    'when the order moves to processing (paid online, a transfer you confirmed, or cash on delivery being prepared, not yet paid).',
  'settings.trigger.completed.name': 'Completed',
  'settings.trigger.completed.help': 'when you mark the order completed (shipped or handed over).',
  'settings.autoEmail.label': 'Sending',
  'settings.autoEmail.tick': 'Finalise each document and e-mail it to the customer at once',
  'settings.autoEmail.help':
    'When this is off, each document waits as a concept so that you can check it first.',

  'settings.languages.title': 'Languages',
  'settings.defaultLanguage.label': 'Your shop’s language',
  'settings.defaultLanguage.help':
    'The language of every document when documents do not follow the customer’s language, and of customers whose country says “shop’s language”.',
  'settings.multilingual.label': 'Customer’s language',
  'settings.multilingual.tick': 'Write each document in the customer’s language',
  'settings.multilingual.help':
    'Comptoir takes the language the order was placed in (WPML or Polylang); without it, the billing country below decides.',
  'settings.countries.label': 'Language per billing country',
  'settings.countries.help':
    'For orders that do not say their language. A country that is not listed gets the language of “All other countries”.',
  'settings.countries.unused': 'Used only when documents follow the customer’s language.',
  'settings.countries.country': 'Country',
  'settings.countries.code': 'Country code (two letters, e.g. BE)',
  'settings.countries.language': 'Language',
  'settings.countries.languageFor': 'Language for {country}',
  'settings.countries.default': 'Shop’s language',
  'settings.countries.others': 'All other countries',
  'settings.countries.add': 'Add a country',
  'settings.countries.remove': 'Remove',
  'settings.countries.removeOne': 'Remove {country}',

  'settings.numbering.title': 'Numbering',
  'settings.numbering.intro':
    'How numbers look: {year} becomes the year and {seq} the counter; {seq:04} writes the counter on at least 4 digits (0007).',
  'settings.numbering.when':
    'Invoices and credit notes get their number when you finalise them, one after the other without gaps. Order forms and delivery notes get theirs when they are made. Invoices and credit notes never share a counter with order forms or delivery notes.',
  'settings.numbering.pattern': 'Pattern',
  'settings.numbering.next': 'Next counter',
  'settings.numbering.reset': 'New year',
  'settings.numbering.resetTick': 'Start again at 1 on 1 January (the pattern then needs {year})',
  'settings.numbering.example': 'The next number will be',
  'settings.numbering.nextHelp':
    'The next counter cannot go back below a number already given: numbers are never used twice.',
  'settings.series.invoice': 'Invoices',
  'settings.series.credit_note': 'Credit notes',
  'settings.series.order_form': 'Order forms',
  'settings.series.delivery_note': 'Delivery notes',

  'settings.shop.title': 'Your shop',
  'settings.shop.intro': 'Printed on every document. The numbers are checked as you type.',
  'settings.shop.name': 'Name',
  'settings.shop.address': 'Address',
  'settings.shop.addressHelp': 'As printed: one line per line.',
  'settings.shop.vat': 'VAT number',
  'settings.shop.vatHelp': 'For example BE0123456749.',
  'settings.shop.enterprise': 'Enterprise number (KBO/BCE)',
  'settings.shop.enterpriseHelp': 'For example 0123.456.749.',
  'settings.shop.iban': 'IBAN',
  'settings.shop.ibanHelp': 'The account your customers pay to, e.g. BE68 5390 0754 7034.',
  'settings.shop.bic': 'BIC',
  'settings.shop.bicHelp': 'Your bank’s code, 8 or 11 characters, e.g. GKCCBEBB.',
  'settings.shop.email': 'E-mail',
  'settings.shop.phone': 'Phone',
  'settings.shop.logo': 'Logo',
  'settings.shop.logoHelp':
    'The full path of a PNG or JPEG file on this computer, e.g. /home/me/logo.png. Leave empty for none.',

  'settings.legends.title': 'Legends',
  'settings.legends.intro':
    'The sentence printed at the bottom of each document, in the document’s language: one for documents already paid, one for those still to be paid.',
  'settings.legends.paid': 'When the document is paid',
  'settings.legends.unpaid': 'When the document is not paid yet',

  'settings.emails.title': 'E-mail texts',
  'settings.emails.intro':
    'The e-mail that carries a document to the customer, in the document’s language, for a paid or an unpaid document.',
  'settings.emails.paid': 'Paid document',
  'settings.emails.unpaid': 'Unpaid document',
  'settings.emails.subject': 'Subject',
  'settings.emails.body': 'Message',

  'error.send': 'The documents could not be sent',
  'error.outbox': 'The e-mail outbox could not be loaded',
  'error.todaysNotes': 'Today’s delivery notes could not be loaded',

  'documents.views': 'What to show',
  'documents.view.list': 'Documents',
  'documents.view.outbox': 'E-mail outbox',

  'bulk.label': 'Ticked documents',
  'bulk.hint': 'Tick documents to send or print several at once.',
  'bulk.ticked': '{n} ticked',
  'bulk.tickAll': 'Tick every document in the list',
  'bulk.tickOne': 'Tick {name}',
  'bulk.send': 'Send by e-mail ({n})',
  'bulk.nothingToSend': 'The ticked documents are already sent or waiting to be sent.',
  'bulk.print': 'Print ({n})',
  'bulk.clear': 'Untick all',
  'bulk.confirmOne': 'Send the ticked document by e-mail to its customer’s billing address?',
  'bulk.confirmMany': 'Send these {n} documents by e-mail, each to its customer’s billing address?',
  'bulk.confirmNumbered':
    'Concepts are finalised first: invoices and credit notes get their numbers and can no longer be deleted.',
  'bulk.leftOut': '{n} ticked are already sent or waiting: they are left out.',
  'bulk.confirmYes': 'Yes, send them',
  'bulk.queuedOne': 'The document is in the outbox; it leaves in a moment.',
  'bulk.queuedMany': '{n} documents are in the outbox; they leave in a moment.',
  'bulk.seeOutbox': 'See the outbox',

  'review.send': 'Send by e-mail',
  'review.sendAgain': 'Send again',
  'review.sending': 'Sending…',
  'review.confirmSend': 'Send this document to {to}?',
  'review.confirmSendNumbered':
    'It is finalised first: it gets its number and can no longer be deleted, only corrected with a credit note.',
  'review.confirmSendConcept': 'It is finalised first.',
  'review.confirmSendYes': 'Yes, send it',
  'review.confirmSendNo': 'Not now',
  'review.finalize': 'Finalise without sending',
  'review.finalizeHint': 'To print it or send it yourself.',
  'review.noRecipient':
    'The order has no billing e-mail address: print the document or send it yourself.',
  'review.smtpMissing':
    'E-mail is not set up yet: the document waits in the outbox until the mail server and the sender are filled in.',
  'review.openSettings': 'Open Settings',
  'review.queued': 'In the outbox: it leaves in a moment.',
  'review.customerNoteHint':
    'Printed at the top of the document, for the customer. WooCommerce’s customer note is already in it; change it as you wish.',
  'review.noCustomerNote': 'None.',
  'review.preview': 'As it will print',
  'review.email': 'E-mail as the customer will see it',
  'review.emailSent': 'E-mail as it was sent',
  'review.content': 'Content',

  'preview.loading': 'Preparing the preview…',
  'preview.updating': 'Updating…',
  'preview.pageOne': '1 page',
  'preview.pageMany': '{n} pages',
  'preview.pageOf': 'Page {n} of {total}',
  'preview.failed': 'The preview could not be made:',

  'email.from': 'From',
  'email.to': 'To',
  'email.subject': 'Subject',
  'email.attachment': 'Attachment',
  'email.noRecipient': 'No e-mail address in the order',
  'email.numberedLater':
    'The number is given when the document is finalised or sent: the subject, the text and the file name then carry it.',
  'email.failed': 'The e-mail could not be shown:',

  'mail.badge.queued': 'E-mail waiting',
  'mail.badge.retrying': 'E-mail delayed',
  'mail.badge.sending': 'E-mail sending',
  'mail.badge.sent': 'E-mailed',
  'mail.badge.failed': 'E-mail failed',
  'mail.waiting': 'Waiting in the outbox; it leaves in a moment.',
  'mail.sendingNow': 'Being sent now…',
  'mail.sentTo': 'Sent to {to} on',
  'mail.serverAnswer': 'The mail server answered',
  'mail.attempts': '{n} attempt(s)',
  'mail.advice.retry':
    'Comptoir tries again at {at}, and keeps trying for at least 24 hours. Nothing to do unless it lasts.',
  'mail.advice.gaveUp':
    'Comptoir stopped trying after 24 hours. Check the e-mail settings and the internet connection (Settings → E-mail sending, “Send a test e-mail”), then send it again.',
  'mail.advice.refused':
    'The mail server refused it, so Comptoir does not try again. Once what it names is corrected, send it again, or print the document and hand it over.',

  'outbox.intro':
    'Every document sent by e-mail, newest first: waiting, sent with the mail server’s answer, or failed with the reason. Click a row to open its document.',
  'outbox.col.document': 'Document',
  'outbox.col.to': 'To',
  'outbox.col.state': 'State',
  'outbox.col.when': 'When',
  'outbox.col.details': 'Server’s answer or error',
  'outbox.queuedAt': 'Queued',
  'outbox.sentAt': 'Sent',
  'outbox.nextAt': 'Next try',
  'outbox.failedCount': '{n} e-mail(s) failed',
  'outbox.waitingCount': '{n} e-mail(s) waiting',
  'outbox.empty.title': 'No e-mail yet',
  'outbox.empty.body':
    'Documents you send from their review, or that Comptoir sends by itself when automatic e-mail is on, appear here.',

  'print.label': 'Printing',
  'print.printer': 'Printer',
  'print.refresh': 'Look for printers again',
  'print.noPrinter': 'No printer is set up on this computer: add one in the system settings.',
  'print.noPrinterChosen': 'Choose a printer first',
  'print.print': 'Print',
  'print.finalizes': 'Printing finalises the concept.',
  'print.finalizesNumbered':
    'Printing finalises the concept: it gets its number and can no longer be deleted.',
  'print.today': 'Print all delivery notes of today ({n})',
  'print.todayNone': 'No delivery note was made today.',
  'print.todayHint': 'In one print job, in the order they were made.',
  'print.preparing': 'Preparing {done} of {total}…',
  'print.doneOne': 'Sent to {printer} (job {job}).',
  'print.doneMany': '{n} documents sent to {printer} in one job ({job}).',
  'print.failed': 'Not printed:',

  'note.save': 'Save',
  'note.notSaved': 'Not saved yet: it is saved when you leave the field (or press Ctrl+Enter).',

  'placeholder.document_date': 'The date of the document (DD/MM/YYYY)',

  'settings.smtp.title': 'E-mail sending',
  'settings.smtp.intro':
    'The mail server that carries your documents to your customers. Your e-mail provider gives these values (look for “SMTP” or “outgoing mail”).',
  'settings.smtp.host': 'Mail server (SMTP)',
  'settings.smtp.hostHelp': 'For example smtp.example.be.',
  'settings.smtp.port': 'Port',
  'settings.smtp.portHelp': 'Usually 587 with STARTTLS, 465 with TLS.',
  'settings.smtp.security': 'Security',
  'settings.smtp.securityHelp':
    'How the connection is protected; your provider says which. “None” is only for a relay on this computer or your own network.',
  'settings.smtp.security.starttls': 'STARTTLS (port 587)',
  'settings.smtp.security.tls': 'TLS (port 465)',
  'settings.smtp.security.none': 'None (local relay only)',
  'settings.smtp.user': 'User name',
  'settings.smtp.userHelp': 'Often your e-mail address. Leave empty when the server asks for none.',
  'settings.smtp.password': 'Password',
  'settings.smtp.passwordKeep': 'Type a new password to replace it',
  'settings.smtp.passwordStored':
    'A password is stored. It is never shown; type a new one to replace it.',
  'settings.smtp.passwordNone': 'No password stored.',
  'settings.smtp.passwordRemove': 'Remove it',
  'settings.smtp.passwordSaved': 'Password saved',
  'settings.smtp.passwordRemoved': 'Password removed',
  'settings.smtp.from': 'Sender',
  'settings.smtp.fromHelp': 'Your shop’s name and address, e.g. Le Comptoir <boutique@example.be>.',
  'settings.smtp.replyTo': 'Replies to',
  'settings.smtp.replyToHelp': 'Where your customers’ replies go, when not to the sender. Optional.',
  'settings.smtp.copyTo': 'Copy to',
  'settings.smtp.copyToHelp': 'An address of yours that gets a copy of every e-mail. Optional.',
  'settings.test.title': 'Check the settings',
  'settings.test.label': 'Send a test e-mail to',
  'settings.test.button': 'Send a test e-mail',
  'settings.test.sending': 'Sending…',
  'settings.test.help':
    'It uses the settings as saved above, and tells you exactly what the mail server answered.',
  'settings.test.sent': 'The test e-mail to {to} was accepted.',
  'settings.test.answer': 'The mail server answered:',
  'settings.test.failed': 'Not sent:',
  'settings.woo.title': 'WooCommerce sends its own e-mails too',
  'settings.woo.body':
    'WooCommerce e-mails your customers when an order is being processed or completed. When Comptoir e-mails the documents as well, a customer gets two e-mails for one order. To keep only Comptoir’s:',
  'settings.woo.step1': 'In the WordPress admin, open WooCommerce → Settings → Emails.',
  'settings.woo.step2':
    'Click the customer e-mail that doubles Comptoir’s, e.g. “Processing order” or “Completed order”.',
  'settings.woo.step3': 'Untick “Enable this email notification” and click “Save changes”.',
  'settings.woo.keep':
    'Leave “New order” on: it goes to you, not to the customer. The names follow the language of your WordPress admin.',

  // Sentences from the core, by code (comptoir_core::message): `msg.<code>`. `{n|one|many}` picks
  // the singular or plural form by the number n.
  'msg.check.iban.empty':
    'The IBAN is empty: type the account number as printed by the bank, like BE68 5390 0754 7034.',
  'msg.check.iban.characters':
    '{value} is not a valid IBAN: it may only contain letters, digits and spaces.',
  'msg.check.iban.start':
    '{value} is not a valid IBAN: it must start with a two-letter country code and two check digits, like BE68.',
  'msg.check.iban.country_length':
    '{value} is not a valid IBAN: an IBAN from {country} has {expected} characters, this one has {actual}. Compare it with your bank statement.',
  'msg.check.iban.length':
    '{value} is not a valid IBAN: an IBAN has between 15 and 34 characters, this one has {actual}. Compare it with your bank statement.',
  'msg.check.iban.check_digits':
    '{value} is not a valid IBAN: its check digits do not match the account number; check it for a typing mistake.',
  'msg.check.bic':
    '{value} is not a valid BIC: it has 8 or 11 characters, 4 letters for the bank, 2 letters for the country, then letters or digits, like GEBABEBB or GKCCBEBB.',
  'msg.check.enterprise.shape':
    '{value} is not a valid Belgian enterprise number: it is 10 digits, like 0123.456.749.',
  'msg.check.enterprise.length':
    '{value} is not a valid Belgian enterprise number: it is 10 digits, like 0123.456.749, and this one has {actual}.',
  'msg.check.enterprise.start':
    '{value} is not a valid Belgian enterprise number: it starts with 0 or 1.',
  'msg.check.enterprise.checksum':
    '{value} is not a valid Belgian enterprise number: its last two digits do not match the first eight (the modulo 97 check). Compare it with the Crossroads Bank for Enterprises.',
  'msg.check.vat.be_shape':
    '{value} is not a valid Belgian VAT number: it is BE and 10 digits, like BE0123456749.',
  'msg.check.vat.be_length':
    '{value} is not a valid Belgian VAT number: it is BE and 10 digits, like BE0123456749, and this one has {actual} digits.',
  'msg.check.vat.be_start':
    '{value} is not a valid Belgian VAT number: after BE, it starts with 0 or 1.',
  'msg.check.vat.be_checksum':
    '{value} is not a valid Belgian VAT number: its last two digits do not match the first eight (the modulo 97 check). Compare it with your VAT documents.',
  'msg.check.vat.prefix':
    '{value} is not a valid VAT number: it starts with the country code, like BE0123456749.',
  'msg.check.vat.country':
    '{value} is not a valid VAT number: {country} is not the code of an EU country that has VAT numbers (BE, NL, FR, LU, DE, …).',
  'msg.check.vat.greece':
    '{value} is not a valid VAT number: {country} is not the code of an EU country that has VAT numbers. Greek VAT numbers start with EL.',
  'msg.check.vat.shape':
    '{value} is not a valid VAT number: a VAT number from {country} looks like {example}.',
  'msg.check.email.empty': 'The e-mail address is empty: type one like name@example.be.',
  'msg.check.email.too_long':
    'This e-mail address is longer than the 254 characters mail servers accept: use a shorter one.',
  'msg.check.email.invalid':
    '{value} is not a valid e-mail address: it looks like name@example.be, without spaces.',
  'msg.template.unknown':
    'The text uses {name}, which Comptoir does not know. The placeholders you can use are: {known}.',
  'msg.template.empty':
    'The text has empty braces {} at character {position}. Put a placeholder inside ({known}), or write {{ and }} for literal braces.',
  'msg.template.unclosed':
    'The brace { at character {position} is never closed. Close it with } after the placeholder name ({known}), or write {{ for a literal brace.',
  'msg.template.lone_close':
    'The brace } at character {position} closes nothing. Remove it, or write }} for a literal brace.',
  'msg.document.missing': 'There is no document {id}; it may have been deleted. Reload the list.',
  'msg.document.cancelled_not_payable': 'Document {id} is cancelled; it cannot be marked paid.',
  'msg.document.delete_final':
    'Document {id} is no longer a concept; only concepts can be deleted. A final invoice is corrected with a credit note.',
  'msg.document.note_too_long': 'Keep the internal note under {max} characters.',
  'msg.document.already_sent': 'Document {id} was already e-mailed; it is not sent twice.',
  'msg.document.cannot_send': 'Document {id} is cancelled; it cannot be sent.',
  'msg.document.nothing_to_print': 'There is nothing to print: tick the documents to print first.',
  'msg.document.note_final':
    'Document {id} is no longer a concept; its note for the customer cannot be changed any more.',
  'msg.stock.quantity': 'The stock of {sku} must be a number, like 12 or 2.5 (not “{value}”).',
  'msg.stock.unknown_sku':
    'There is no product with SKU {sku}. Products appear here when an order contains them.',
  'msg.setting.unknown_key': 'Unknown setting “{key}”. Known settings: {known}.',
  'msg.setting.secret':
    'A webhook secret has 12 to 255 characters: letters, digits and - _ . ~ ! * + = @ # $ % ^ ( ) [ ] { } : ; , ? / | (no spaces, no & < > " \').',
  'msg.setting.port': 'The port is a whole number from 1024 to 65535.',
  'msg.setting.public_url.https':
    'WooCommerce only delivers to a public https:// address: type one, or leave the field empty.',
  'msg.setting.public_url.shape':
    'Give the address as https://host or https://host/path, without user name, query (?…) or fragment (#…).',
  'msg.setting.one_of': 'Choose one of: {allowed}.',
  'msg.setting.bool': 'Write true (yes) or false (no).',
  'msg.setting.text_too_long': 'Keep it under {max} characters.',
  'msg.setting.logo.extension':
    'The logo is a .png, .jpg or .jpeg file: choose an image in one of those formats.',
  'msg.setting.logo.missing': 'There is no file {path}: check the path, or choose the file again.',
  'msg.setting.number_pattern':
    'Use {year} and one {seq} (or {seq:04} for at least 4 digits), with letters, digits, - / . _ around them, e.g. F{year}-{seq:04}.',
  'msg.setting.positive_int': 'Type a whole number, 1 or more.',
  'msg.setting.host': 'Type a server name such as smtp.example.com (letters, digits, - and .).',
  'msg.setting.any_port':
    'The port is a number from 1 to 65535, usually 587 (STARTTLS), 465 (TLS) or 25.',
  'msg.setting.password': 'The password fits on one line and has fewer than 1024 characters.',
  'msg.setting.minutes': 'Type a whole number of minutes from 1 to 1440.',
  'msg.setting.country_map.entry':
    '“{entry}” is not a country and language pair: write them like FR=fr, separated by commas, with * for every other country.',
  'msg.setting.country_map.country':
    '“{country}” is not a country code: use the two-letter code WooCommerce uses, like BE or NL, or * for every other country.',
  'msg.setting.country_map.language':
    '“{language}” is not a language Comptoir writes: use fr, nl, en, or default for the shop’s default language.',
  'msg.setting.country_map.duplicate':
    '{country} appears twice in the country list: keep only one language for it.',
  'msg.setting.shop_url.not_https':
    'The shop address “{url}” must start with https://: WooCommerce accepts API keys over HTTPS only (http:// is allowed for 127.0.0.1 and localhost, for tests). Enter the shop’s home address as your browser shows it, e.g. https://myshop.be.',
  'msg.setting.shop_url.not_address':
    '“{url}” is not a shop address: it is not a web address. Enter the shop’s home address as your browser shows it, e.g. https://myshop.be.',
  'msg.setting.shop_url.no_scheme':
    '“{url}” is not a shop address: it does not start with https://. Enter the shop’s home address as your browser shows it, e.g. https://myshop.be.',
  'msg.setting.shop_url.no_host':
    '“{url}” is not a shop address: it has no host name. Enter the shop’s home address as your browser shows it, e.g. https://myshop.be.',
  'msg.setting.shop_url.user':
    '“{url}” is not a shop address: it contains a user name; the API key goes in its own fields. Enter the shop’s home address as your browser shows it, e.g. https://myshop.be.',
  'msg.setting.shop_url.query':
    '“{url}” is not a shop address: it contains a query (?…) or a fragment (#…). Enter the shop’s home address as your browser shows it, e.g. https://myshop.be.',
  'msg.setting.shop_url.wordpress':
    '“{url}” is not a shop address: it points inside WordPress (wp-admin, wp-json…) rather than at the shop’s home. Enter the shop’s home address as your browser shows it, e.g. https://myshop.be.',
  'msg.setting.numbering.reset_needs_year':
    'Numbering that starts again each year needs {year} in its pattern, or numbers would repeat: add {year} to the pattern first.',
  'msg.setting.numbering.pattern_needs_year':
    'This numbering starts again at 1 each year, so the pattern needs {year}: untick “New year” first, or keep {year} in the pattern.',
  'msg.setting.numbering.next_taken':
    'Number {highest} was already given, so the next one must be at least {least}.',
  'msg.activity.rules_failed':
    'Order {order} was stored, but its document could not be made: {error}',
  'msg.activity.ignored_topic':
    'WooCommerce sent a “{topic}” delivery; Comptoir only handles orders and ignored it. In WooCommerce → Settings → Advanced → Webhooks, give that webhook the topic “Order created” or “Order updated”, or delete it.',
  'msg.activity.ignored_topic_webhook':
    'WooCommerce sent a “{topic}” delivery (webhook {webhook}); Comptoir only handles orders and ignored it. In WooCommerce → Settings → Advanced → Webhooks, give that webhook the topic “Order created” or “Order updated”, or delete it.',
  'msg.activity.failed_delivery':
    'A signed “{topic}” delivery could not be read and was kept as failed: {reason}. WooCommerce was told (400); the order will come with its next update.',
  'msg.activity.failed_delivery_untitled':
    'A signed delivery without a topic could not be read and was kept as failed: {reason}. WooCommerce was told (400); the order will come with its next update.',
  'msg.activity.ping': 'WooCommerce pinged webhook {webhook}: the delivery URL works.',
  'msg.activity.ping_from':
    'WooCommerce pinged webhook {webhook} from {agent}: the delivery URL works.',
  'msg.activity.listening': 'Listening for WooCommerce on {address}.',
  'msg.activity.listener_stopped':
    'The listener stopped: orders are not received until it starts again.',
  'msg.activity.catch_up.unreadable':
    'An order the shop listed during the catch-up could not be read and was kept with the failed deliveries: {reason}. It will come again with its next change.',
  'msg.activity.catch_up.again': 'The catch-up works again. {summary}',
  'msg.activity.catch_up.failed': 'The catch-up of missed orders failed: {error}',
  'msg.catch_up.none_missed':
    'Catch-up: no order was missed ({seen} {seen|order|orders} modified since {since} UTC, all already here).{notes}',
  'msg.catch_up.changed':
    'Catch-up: {changed} {changed|order|orders} new or changed out of {seen} modified since {since} UTC; {made} {made|document|documents} made.{notes}',
  'msg.catch_up.note.unreadable':
    '{count} {count|order|orders} could not be read and {count|was|were} kept with the failed deliveries; {count|it comes|they come} again with the next change.',
  'msg.catch_up.note.unsettled':
    'The shop’s order list kept changing while it was read, so the next catch-up reads it again from the same point.',
  'msg.activity.mail.gave_up':
    'Document {number} could not be e-mailed for more than 24 hours and Comptoir stopped trying: {error} Check Settings → E-mail sending, then press Send by e-mail again.',
  'msg.activity.mail.failed': 'Document {number} was not e-mailed: {error}',
  'msg.activity.outbox_stopped': 'The outbox stopped for a moment: {error}',
  'msg.reach.trip.server': ', server “{name}”',
  'msg.reach.trip.not_address':
    '"{address}" is not a web address. Enter the tunnel\'s address as https://host.',
  'msg.reach.trip.ok':
    'The public address works: this Comptoir received its own test through {url} in {millis} ms.',
  'msg.reach.trip.dns':
    'The test through {url} failed: the name {host} was not found (DNS). A new quick tunnel can take a minute to be known everywhere: try again shortly; otherwise check the address.',
  'msg.reach.trip.timeout':
    'The test through {url} failed: no answer came within {seconds} s. The tunnel may be starting or broken: wait a moment, or restart it.',
  'msg.reach.trip.refused':
    'The test through {url} failed: the connection to {host} failed: nothing answers there. Check the address and that the tunnel or reverse proxy runs.',
  'msg.reach.trip.certificate':
    'The test through {url} failed: the secure connection failed ({detail}): the certificate is not valid for {host}, and WooCommerce refuses such addresses too.',
  'msg.reach.trip.tls':
    'The test through {url} failed: the secure connection failed ({detail}); WooCommerce needs a valid certificate.',
  'msg.reach.trip.broken':
    'The test through {url} failed: the connection broke ({detail}). Check the address and that the tunnel runs.',
  'msg.reach.trip.failed': 'The test through {url} failed: the request failed ({detail}).',
  'msg.reach.trip.bad_answer':
    'Comptoir received the test through {url}, but the answer came back as HTTP {status}{server}; WooCommerce needs the listener\'s 200. Check what the tunnel or reverse proxy does to answers.',
  'msg.reach.trip.other_server':
    'Another server answered the test at {url} (HTTP {status}{server}): the address does not lead to this Comptoir. Point the tunnel or reverse proxy at http://127.0.0.1:{port}.',
  'msg.reach.trip.redirect':
    'The address answered with a redirect (HTTP {status}{server}) to {location}: that is not Comptoir\'s listener, which never redirects. Enter the address it ends at, or point the tunnel straight at http://127.0.0.1:{port}.',
  'msg.reach.trip.not_found':
    'The address answered 404 (not found{server}): it reaches a web server, but not Comptoir\'s listener at {path}. Check that the tunnel or reverse proxy forwards to http://127.0.0.1:{port} and keeps the path.',
  'msg.reach.trip.gateway':
    'The tunnel answered HTTP {status}{server}: it is up, but could not reach Comptoir\'s listener on this computer (port {port}). Check that the listener runs and that the tunnel forwards to that port.',
  'msg.reach.trip.other_status':
    'The address answered HTTP {status}{server} and the test did not reach this Comptoir. Point the tunnel or reverse proxy at http://127.0.0.1:{port}.',
  'msg.reach.trip.no_address': 'There is no public address to test: {reason}',
  'msg.reach.trip.starting': 'There is no public address to test: the tunnel is still starting.',
  'msg.tunnel.bad_url':
    '"{url}" cannot be the public address: {reason}. Enter the https:// address of your tunnel or reverse proxy, e.g. https://orders.myshop.be.',
  'msg.tunnel.bad_url.not_https':
    'it must start with https:// (WooCommerce checks certificates, and orders carry personal data)',
  'msg.tunnel.bad_url.query': 'it contains a query (?…) or a fragment (#…)',
  'msg.tunnel.bad_url.no_host': 'it has no host name',
  'msg.tunnel.bad_url.user': 'it contains a user name',
  'msg.tunnel.bad_url.ip_address': 'WooCommerce does not deliver to IPv6 addresses; use a host name',
  'msg.tunnel.bad_url.port': 'WooCommerce only delivers to ports 443, 80 and 8080, not {port}',
  'msg.tunnel.bad_url.not_a_port': 'WooCommerce only delivers to ports 443, 80 and 8080',
  'msg.tunnel.bad_url.private':
    'it is a local or private address, which WooCommerce refuses to call',
  'msg.tunnel.not_installed':
    'cloudflared was not found ({exe}). Install cloudflared from Cloudflare, or enter the public address of your own tunnel instead.',
  'msg.tunnel.spawn':
    'cloudflared ({exe}) could not be started: {reason}. Check that the file is the cloudflared program and that you may run it.',
  'msg.tunnel.no_address_yet': '{provider} gave no address in time; Comptoir keeps trying.',
  'msg.tunnel.cloudflared_restarting':
    '{end}{last_words}. Comptoir starts it again in {seconds} s; check this computer\'s internet connection (Cloudflare also limits how many quick tunnels may be made in a row).',
  'msg.tunnel.end.exited': 'cloudflared stopped ({exit})',
  'msg.tunnel.end.exited_without_address': 'cloudflared stopped before giving an address ({exit})',
  'msg.tunnel.end.no_address': 'cloudflared gave no quick-tunnel address within {seconds} s',
  'msg.tunnel.last_words': '; its last words: "{words}"',
  'msg.tunnel.ngrok.no_authtoken':
    'No ngrok authtoken is set. Paste your ngrok authtoken from dashboard.ngrok.com → Your Authtoken.',
  'msg.tunnel.ngrok.authtoken_rejected':
    'ngrok refused the authtoken ({detail}). Paste your ngrok authtoken again from dashboard.ngrok.com → Your Authtoken (a reset or revoked one no longer works).',
  'msg.tunnel.ngrok.bad_domain':
    '"{domain}" is not a domain name. Enter the domain reserved in your ngrok account (dashboard.ngrok.com → Domains), e.g. orders-myshop.ngrok.app, or leave it empty to use your account\'s own ngrok address.',
  'msg.tunnel.ngrok.domain':
    'ngrok would not open {domain} for this account ({detail}). Check that this domain is reserved in the ngrok account of this authtoken (dashboard.ngrok.com → Domains), or leave it empty to use your account\'s own ngrok address.',
  'msg.tunnel.ngrok.unreachable':
    'Comptoir could not reach ngrok ({server}): {reason}. Check this computer\'s internet connection; a firewall or proxy may block it.',
  'msg.tunnel.ngrok.refused':
    'ngrok refused to open the tunnel ({detail}). Check what your ngrok account allows at dashboard.ngrok.com (an ngrok agent running elsewhere with this account counts too).',
  'msg.tunnel.ngrok.dropped':
    'The connection to ngrok dropped ({reason}). If this keeps happening, check this computer\'s internet connection.',
  'msg.tunnel.ngrok.retrying': '{error} Comptoir tries again in {seconds} s.',
  'msg.tunnel.ngrok.could_not_start':
    'Comptoir could not start the ngrok tunnel: {reason}. Close some programs and try again.',
  'msg.tunnel.bad_local_address':
    'The local address {address} is not valid ({reason}); this is a fault in Comptoir.',
  'msg.tunnel.stopped': 'The tunnel was stopped.',
  'msg.tunnel.not_started': 'not started',
  'msg.tunnel.stopped_on_request': 'stopped',
  'msg.tunnel.settings_unreadable':
    'The tunnel settings could not be read from the database; restart Comptoir.',
  'msg.tunnel.no_listener':
    'The listener is not running, so the tunnel has nothing to lead to. Start the listener (or free its port).',
  'msg.tunnel.no_public_url':
    'No public address is set. Enter the https:// address of your tunnel or reverse proxy (tunnel.public_url), or choose cloudflared.',
  'msg.tunnel.starting': 'the tunnel is starting',
  'msg.listener.not_loopback':
    '{address} is not a loopback address; the listener only binds 127.0.0.1 so that nothing but the tunnel reaches it.',
  'msg.listener.port_busy':
    'Another program already uses port {port}. Close it, or choose another port in the settings (listener.port).',
  'msg.listener.cannot_open': 'The listener could not open {address}: {error}.',
  'msg.listener.cannot_start': 'The listener could not start: {error}.',
  'msg.listener.closed': 'Comptoir was closed.',
  'msg.listener.not_started': 'The listener has not been started yet.',
  'msg.webhook.created': 'Webhook {id} ({topic}) was created; it delivers to {url}.',
  'msg.webhook.moved': 'Webhook {id} ({topic}) now delivers to {url} instead of {previous}.',
  'msg.webhook.updated': 'Webhook {id} ({topic}) was updated; it delivers to {url}.',
  'msg.webhook.moved_note': ' and now delivers to {url} instead of {previous}',
  'msg.webhook.reactivated_disabled':
    'Webhook {id} ({topic}) had been disabled by WooCommerce, which does that after 7 failed deliveries in a row (Comptoir was closed, asleep or unreachable). It is active again{moved}. WooCommerce does not resend what failed; the catch-up fetches those orders. Until a delivery succeeds, one more failure disables it again, so keep Comptoir reachable.',
  'msg.webhook.reactivated':
    'Webhook {id} ({topic}) was {was} in WooCommerce; Comptoir set it active again{moved}. Orders changed meanwhile are fetched by the catch-up.',
  'msg.webhook.secret_sent':
    'Webhook {id} ({topic}) is active, delivers to {url} and now has Comptoir\'s current secret.',
  'msg.webhook.unchanged': 'Webhook {id} ({topic}) is active and delivers to {url}.',
  'msg.webhook.duplicate':
    'Webhook {id} ("{name}", {topic}) is a second one for Comptoir and was left as it is; if nobody made it on purpose, delete it in WooCommerce → Settings → Advanced → Webhooks.',
  'msg.webhook.recreated':
    'Comptoir\'s webhook for {topic} was no longer in WooCommerce{gone}, probably deleted there; Comptoir created it again as webhook {id}, delivering to {url}. Orders changed meanwhile are fetched by the catch-up.',
  'msg.webhook.gone_note': ' (webhook {id} is gone)',
  'msg.webhook.url.not_address':
    '"{url}" is not a web address; WooCommerce will not deliver to it. Check the public address of the tunnel.',
  'msg.webhook.url.not_https':
    'The delivery URL {url} is not HTTPS: orders would travel unencrypted. Use the tunnel\'s https:// address.',
  'msg.webhook.url.port':
    'WooCommerce only delivers to ports 80, 443 and 8080, not {port}: the webhooks will fail. Use the tunnel\'s public address without a port.',
  'msg.webhook.url.private':
    'WooCommerce does not deliver to local or private addresses like {host}: the webhooks will fail. Use a public tunnel address.',
  'msg.webhook.check_again': 'Comptoir can check its webhooks in WooCommerce again.',
  'msg.webhook.check_failed': 'Comptoir could not check its webhooks in WooCommerce: {error}',
  'msg.webhook.connect_failed': 'Connecting the shop failed: {error}',
  'msg.webhook.no_address_yet':
    'There is no public address, so the webhooks cannot be set right yet ({reason}); Comptoir does it as soon as the tunnel is up.',
  'msg.webhook.not_active': 'In WooCommerce, webhook {id} ({topic}) is {status}. {problem}',
  'msg.reach.trip.no_listener':
    'The listener is not running, so nothing can answer the test: {reason}',
} as const;

export type Key = keyof typeof en;
export type Dictionary = Record<Key, string>;

const fr: Dictionary = {
  'app.name': 'Comptoir',
  'nav.label': 'Écrans',
  'nav.orders': 'Commandes',
  'nav.connection': 'Connexion',
  'nav.activity': 'Activité',
  'lang.label': 'Langue',
  'lang.fr': 'Français',
  'lang.nl': 'Nederlands',
  'lang.en': 'English',

  'common.loading': 'Chargement…',
  'common.copy': 'Copier',
  'common.copied': 'Copié',
  'common.close': 'Fermer',
  'common.show': 'Afficher',
  'common.hide': 'Masquer',
  'common.retry': 'Réessayer',
  'common.notLoaded': 'Indisponible : voir le message ci-dessus.',
  'common.colon': ' :',

  'error.title': 'Un problème est survenu',
  'error.dismiss': 'Fermer',
  'error.notInApp':
    'Cette page n’affiche les données que dans l’application Comptoir ; elle a été ouverte dans un simple navigateur.',
  'error.orders': 'Les commandes n’ont pas pu être chargées',
  'error.order': 'La commande n’a pas pu être ouverte',
  'error.connection': 'Les informations de connexion n’ont pas pu être chargées',
  'error.activity': 'Le journal d’activité n’a pas pu être chargé',
  'error.failed': 'Les livraisons en échec n’ont pas pu être chargées',
  'error.restart': 'Le récepteur n’a pas pu être redémarré',
  'error.testOrder': 'La commande de test a échoué',
  'error.copy': 'La copie a échoué ; sélectionnez le texte et copiez-le à la main',
  'error.events': 'Les mises à jour en direct ne sont pas disponibles ; rouvrez Comptoir',

  'listener.listening': 'À l’écoute sur le port {port}',
  'listener.port_busy': 'Le port {port} est occupé',
  'listener.stopped': 'Arrêté',
  'listener.unknown': 'État du récepteur inconnu',

  'status.pending': 'En attente de paiement',
  'status.processing': 'En cours',
  'status.on-hold': 'En attente',
  'status.completed': 'Terminée',
  'status.cancelled': 'Annulée',
  'status.refunded': 'Remboursée',
  'status.failed': 'Échouée',
  'status.checkout-draft': 'Brouillon',
  'status.trash': 'À la corbeille',

  'outcome.created': 'Créée',
  'outcome.updated': 'Mise à jour',
  'outcome.duplicate': 'Répétition, sans changement',
  'outcome.stale': 'Version plus ancienne, ignorée',
  'outcome.trashed': 'Mise à la corbeille',
  'outcome.restored': 'Sortie de la corbeille',
  'outcome.ignored': 'Ignorée, pas une commande',
  'outcome.unknown_order': 'Commande inconnue',

  'topic.order.created': 'Commande créée',
  'topic.order.updated': 'Commande mise à jour',
  'topic.order.deleted': 'Commande supprimée',
  'topic.order.restored': 'Commande restaurée',

  'badge.paid': 'Payée',
  'badge.unpaid': 'Non payée',
  'badge.test': 'Test',
  'badge.trashed': 'À la corbeille',

  'orders.title': 'Commandes',
  'orders.countOne': '1 commande',
  'orders.countMany': '{n} commandes',
  'orders.col.number': 'Commande',
  'orders.col.date': 'Date',
  'orders.col.customer': 'Client',
  'orders.col.total': 'Total',
  'orders.col.status': 'État',
  'orders.col.payment': 'Paiement',
  'orders.noName': 'Sans nom',
  'orders.empty.title': 'Aucune commande pour l’instant',
  'orders.empty.body':
    'Les commandes apparaissent ici d’elles-mêmes dès que votre boutique WooCommerce les envoie, sans devoir actualiser.',
  'orders.empty.connect':
    'Pour connecter la boutique, copiez l’URL de livraison et le secret de l’écran Connexion dans deux webhooks WooCommerce.',
  'orders.empty.goConnection': 'Ouvrir Connexion',
  'orders.empty.test':
    'Pour vérifier que Comptoir reçoit les commandes sur cet ordinateur, envoyez une commande de test.',

  'detail.title': 'Commande {number}',
  'detail.close': 'Fermer la commande',
  'detail.placed': 'Passée le',
  'detail.shop': 'Boutique',
  'detail.testNote': 'Commande de test créée par Comptoir, pas une vraie commande.',
  'detail.trashedNote': 'Cette commande est à la corbeille dans WooCommerce.',
  'detail.billing': 'Adresse de facturation',
  'detail.shipping': 'Adresse de livraison',
  'detail.noAddress': 'Aucune adresse indiquée',
  'detail.email': 'E-mail',
  'detail.phone': 'Téléphone',
  'detail.note': 'Note du client',
  'detail.items': 'Articles',
  'detail.col.product': 'Produit',
  'detail.col.sku': 'UGS',
  'detail.col.qty': 'Qté',
  'detail.col.net': 'HTVA',
  'detail.col.vat': 'TVA',
  'detail.noItems': 'Aucun article.',
  'detail.shippingLines': 'Expédition',
  'detail.fees': 'Frais',
  'detail.coupons': 'Codes promo',
  'detail.refunds': 'Remboursements',
  'detail.noReason': 'Sans motif',
  'detail.totals': 'Totaux',
  'detail.discount': 'Remise (HTVA)',
  'detail.shippingTotal': 'Expédition (HTVA)',
  'detail.totalTax': 'TVA',
  'detail.total': 'Total',
  'detail.pricesInclTax': 'La boutique saisit ses prix TVA comprise.',
  'detail.pricesExclTax': 'La boutique saisit ses prix hors TVA.',
  'detail.payment': 'Paiement',
  'detail.paidOn': 'Payée le {date}',
  'detail.notPaid': 'Pas encore payée',
  'detail.deliveries': 'Historique des livraisons',
  'detail.col.received': 'Reçue le',
  'detail.col.topic': 'Sujet',
  'detail.col.webhook': 'Webhook',
  'detail.col.outcome': 'Résultat',
  'detail.noDeliveries': 'Aucune livraison enregistrée.',

  'connection.title': 'Connexion',
  'connection.intro':
    'WooCommerce envoie chaque commande nouvelle ou modifiée à Comptoir par deux webhooks. Collez ces deux valeurs dans chacun d’eux.',
  'connection.deliveryUrl': 'URL de livraison',
  'connection.secret': 'Secret',
  'connection.secretHidden': 'Masqué',
  'connection.showSecret': 'Afficher le secret',
  'connection.hideSecret': 'Masquer le secret',
  'connection.localNote':
    'Cette adresse est celle de cet ordinateur. WooCommerce ne livre qu’à une adresse HTTPS publique, sur le port 443, 80 ou 8080, avec un certificat valide : votre boutique a besoin d’un tunnel ou d’un proxy inverse qui renvoie vers cette adresse. L’adresse locale suffit pour la commande de test.',
  'connection.publicNote': 'Cette adresse publique doit renvoyer vers Comptoir sur cet ordinateur : {local}',
  'connection.listener': 'Récepteur',
  'connection.restart': 'Redémarrer le récepteur',
  'connection.restarting': 'Redémarrage…',
  'connection.refused': 'Une livraison a été refusée le {at} : {reason}.',
  'connection.dataDir': 'Dossier des données',
  'refused.wrong signature': 'signature incorrecte — le secret dans WooCommerce diffère de celui-ci',
  'refused.no signature': 'pas de signature — la requête n’était pas une livraison WooCommerce signée',
  'refused.body too large': 'le contenu dépassait 1 Mio',
  'refused.other': '{reason} (HTTP {status})',

  'steps.title': 'Créer les webhooks dans WooCommerce',
  'steps.1':
    'Dans l’administration WordPress, ouvrez WooCommerce → Réglages → Avancé → Webhooks et cliquez sur « Ajouter un webhook ».',
  'steps.2': 'Nom : par exemple « Comptoir – commande créée ».',
  'steps.3': 'État : « Actif ».',
  'steps.4': 'Sujet : « Commande créée ».',
  'steps.5': 'URL de livraison : collez l’URL de livraison ci-dessus.',
  'steps.6': 'Secret : collez le secret ci-dessus.',
  'steps.7': 'Version de l’API : « WP REST API Integration v3 ».',
  'steps.8':
    'Cliquez sur « Enregistrer le webhook ». WooCommerce envoie alors un ping, qui apparaît dans Activité.',
  'steps.9':
    'Ajoutez un second webhook de la même façon, avec le sujet « Commande mise à jour » et le nom « Comptoir – commande mise à jour ».',
  'steps.hint':
    'Les libellés suivent la langue de votre administration WordPress (en anglais : Topic « Order created » / « Order updated », Delivery URL, Secret, API Version).',

  'test.title': 'Vérifier cet ordinateur',
  'test.body':
    'Une commande de test suit le même chemin qu’une vraie : une livraison signée envoyée au récepteur. Elle est marquée « Test » dans Commandes.',
  'test.button': 'Envoyer une commande de test',
  'test.sending': 'Envoi…',
  'test.received': 'Commande de test {id} reçue',
  'test.see': 'voir Commandes',
  'test.failed': 'La commande de test a échoué : {reason}',

  // --- Écran Connexion : adresse publique, connexion en un clic, rattrapage (reach.*) ---
  'reach.tunnel.title': 'Adresse publique',
  'reach.tunnel.intro':
    'WooCommerce ne livre qu’à une adresse HTTPS publique. Choisissez comment cet ordinateur en obtient une ; Comptoir ne laisse passer que le chemin des webhooks.',
  'reach.provider.label': 'Comment WooCommerce atteint cet ordinateur',
  'reach.provider.manual.name': 'Ma propre adresse',
  'reach.provider.manual.help':
    'votre propre tunnel ou proxy inverse, qui renvoie vers le récepteur ; vous en indiquez l’adresse HTTPS.',
  'reach.provider.cloudflared.name': 'Tunnel rapide Cloudflare',
  'reach.provider.cloudflared.help':
    'gratuit, sans compte ; il faut le programme cloudflared. Son adresse change à chaque démarrage, et Comptoir déplace alors les webhooks.',
  'reach.provider.ngrok.name': 'ngrok',
  'reach.provider.ngrok.help':
    'avec l’authtoken de votre compte ngrok, et un domaine réservé si vous en avez un (l’adresse reste alors la même).',
  'reach.manual.url': 'Adresse publique',
  'reach.manual.urlHelp':
    'Par exemple https://commandes.maboutique.be. Elle doit renvoyer vers le récepteur de cet ordinateur ; Tester vérifie l’adresse telle qu’elle est tapée.',
  'reach.cloudflared.installed':
    'cloudflared est installé : Comptoir le démarre et l’arrête avec l’application.',
  'reach.cloudflared.help':
    'Installez cloudflared depuis le site de Cloudflare (developers.cloudflare.com → cloudflared → Downloads) s’il n’est pas encore sur cet ordinateur.',
  'reach.cloudflared.path': 'Programme cloudflared',
  'reach.cloudflared.pathHelp':
    'Seulement si Comptoir ne le trouve pas tout seul : le chemin complet du programme cloudflared.',
  'reach.ngrok.token': 'Authtoken ngrok',
  'reach.ngrok.tokenKeep': 'Tapez un nouvel authtoken pour le remplacer',
  'reach.ngrok.tokenStored':
    'Un authtoken est enregistré (dashboard.ngrok.com → Your Authtoken). Il n’est jamais affiché ; tapez-en un nouveau pour le remplacer.',
  'reach.ngrok.tokenNone':
    'Aucun authtoken enregistré. Copiez le vôtre depuis dashboard.ngrok.com → Your Authtoken.',
  'reach.ngrok.tokenRemove': 'Le supprimer',
  'reach.ngrok.tokenSaved': 'Authtoken enregistré',
  'reach.ngrok.tokenRemoved': 'Authtoken supprimé',
  'reach.ngrok.domain': 'Domaine réservé (facultatif)',
  'reach.ngrok.domainHelp':
    'Par exemple maboutique.ngrok.app. Sans domaine, ngrok donne une adresse qui peut changer.',
  'reach.state.starting': '{provider} : démarrage…',
  'reach.state.up': '{provider} : en service',
  'reach.state.down': '{provider} : hors service',
  'reach.state.changing': 'Le tunnel change…',
  'reach.restarts': 'Redémarré {count} fois après un arrêt.',
  'reach.test.button': 'Tester',
  'reach.test.running': 'Test en cours…',
  'reach.test.help':
    'Envoie une requête par l’adresse publique et vérifie qu’elle revient au récepteur de cet ordinateur.',
  'reach.test.ok': 'Ça fonctionne : aller-retour en {ms} ms',
  'reach.test.failed': 'Le test n’est pas arrivé jusqu’à Comptoir',

  'reach.shop.title': 'Connecter la boutique (en un clic)',
  'reach.shop.intro':
    'Avec une clé d’API REST, Comptoir crée lui-même ses deux webhooks dans WooCommerce, les garde dirigés vers l’adresse actuelle et va chercher les commandes qu’il aurait manquées.',
  'reach.key.title': 'Où créer la clé',
  'reach.key.1':
    'Dans l’administration WordPress, ouvrez WooCommerce → Réglages → Avancé → API REST et cliquez sur « Ajouter une clé ».',
  'reach.key.2': 'Description : par exemple « Comptoir » ; Utilisateur : un administrateur.',
  'reach.key.3': 'Droits d’accès : « Lecture/Écriture », puis cliquez sur « Générer une clé API ».',
  'reach.key.4':
    'Copiez ci-dessous la clé client (ck_…) et le secret client (cs_…) : WooCommerce n’affiche le secret qu’une seule fois.',
  'reach.key.why':
    'L’accès en lecture/écriture est nécessaire : Comptoir crée et répare ses webhooks (écriture) et lit les commandes manquées (lecture).',
  'reach.shop.url': 'Adresse de la boutique',
  'reach.shop.urlHelp': 'Par exemple https://www.maboutique.be (https obligatoire).',
  'reach.shop.key': 'Clé client',
  'reach.shop.keyHelp': 'Commence par ck_.',
  'reach.shop.secret': 'Secret client',
  'reach.shop.secretKeep': 'Tapez un nouveau secret pour le remplacer',
  'reach.shop.secretStored':
    'Un secret client est enregistré dans le trousseau du système. Il n’est jamais affiché ; tapez-en un nouveau pour le remplacer.',
  'reach.shop.secretNone': 'Aucun secret client enregistré. Il commence par cs_.',
  'reach.shop.secretRemove': 'Le supprimer',
  'reach.shop.secretSaved': 'Secret client enregistré',
  'reach.shop.secretRemoved': 'Secret client supprimé',
  'reach.connect.button': 'Connecter',
  'reach.connect.again': 'Connecter à nouveau',
  'reach.connect.running': 'Connexion…',
  'reach.connect.help':
    'Crée les webhooks « commande créée » et « commande mise à jour », ou met à jour ceux que Comptoir a déjà créés : cliquer une deuxième fois ne crée jamais de doublons.',
  'reach.connect.needsAddress':
    'Pour connecter, l’adresse publique doit être en service : WooCommerce doit savoir où livrer.',
  'reach.connect.done': 'La boutique est connectée.',
  'reach.connect.unchanged': 'La boutique était déjà connectée : rien à changer.',
  'reach.connect.failed': 'La connexion de la boutique a échoué',
  'reach.hooks.title': 'Les webhooks de Comptoir dans WooCommerce',
  'reach.hooks.topic': 'Sujet',
  'reach.hooks.id': 'N°',
  'reach.hooks.status': 'État',
  'reach.hooks.url': 'Livre à',
  'reach.hooks.noneYet': 'Aucun pour l’instant : cliquez sur Connecter.',
  'reach.hooks.manualOnly':
    'Pas connectée par Comptoir. Sans clé d’API, créez les webhooks vous-même (voir Configuration manuelle).',
  'reach.hooks.changes': 'Ce qui a changé la dernière fois',
  'reach.hooks.checked': 'Dernière vérification le {at}.',
  'reach.hooks.neverChecked': 'Pas encore vérifiés.',
  'reach.hooks.auto':
    'Comptoir les vérifie au démarrage puis régulièrement : il réactive un webhook désactivé par WooCommerce et recrée un webhook supprimé.',
  'reach.hooks.check': 'Vérifier maintenant',
  'reach.hooks.checking': 'Vérification…',
  'reach.topic.created': 'Commande créée',
  'reach.topic.updated': 'Commande mise à jour',
  'reach.hook.active': 'Actif',
  'reach.hook.paused': 'En pause',
  'reach.hook.disabled': 'Désactivé',
  'reach.hook.deleted': 'Supprimé',

  'reach.catchUp.title': 'Commandes manquées',
  'reach.catchUp.intro':
    'WooCommerce ne renvoie jamais une livraison qui a échoué (Comptoir fermé, ordinateur en veille). Comptoir demande donc à la boutique les commandes modifiées depuis la dernière qu’il connaît : au démarrage, quand l’adresse publique revient, et régulièrement.',
  'reach.catchUp.last':
    'Dernier rattrapage : le {at} — {count} {count|commande récupérée|commandes récupérées}.',
  'reach.catchUp.never': 'Aucun rattrapage n’a encore eu lieu.',
  'reach.catchUp.failedAt': 'La dernière tentative a échoué ({at}) :',
  'reach.catchUp.failed': 'La dernière tentative a échoué :',
  'reach.catchUp.button': 'Rattraper maintenant',
  'reach.catchUp.running': 'Rattrapage…',
  'reach.catchUp.needsKey':
    'Le rattrapage a besoin de l’adresse de la boutique et d’une clé d’API REST (voir « Connecter la boutique »).',
  'reach.catchUp.interval': 'Toutes les (minutes)',
  'reach.catchUp.intervalHelp': 'De 1 à 1440 ; 10 par défaut.',

  'reach.manualSetup.title': 'Configuration manuelle (sans clé d’API)',
  'reach.manualSetup.intro': 'Vous pouvez aussi créer vous-même les deux webhooks dans WooCommerce.',

  'activity.title': 'Activité',
  'activity.log': 'Journal d’activité',
  'activity.empty': 'Rien ne s’est encore passé.',
  'activity.col.at': 'Heure',
  'activity.col.level': 'Niveau',
  'activity.col.message': 'Événement',
  'level.info': 'Info',
  'level.warning': 'Attention',
  'level.error': 'Erreur',
  'failed.title': 'Livraisons en échec',
  'failed.intro':
    'Livraisons correctement signées mais illisibles comme commande. Elles sont conservées pour que rien ne se perde.',
  'failed.empty': 'Aucune livraison en échec.',
  'failed.topic': 'Sujet',
  'failed.shop': 'Boutique',
  'failed.webhook': 'Webhook',
  'failed.reason': 'Motif',
  'failed.preview': 'Début du contenu ({size})',

  'nav.documents': 'Documents',
  'nav.stock': 'Stock',
  'nav.settings': 'Réglages',

  'error.documents': 'Les documents n’ont pas pu être chargés',
  'error.document': 'Le document n’a pas pu être ouvert',
  'error.finalize': 'Le document n’a pas pu être finalisé',
  'error.markPaid': 'Le document n’a pas pu être marqué comme payé',
  'error.delete': 'Le concept n’a pas pu être supprimé',
  'error.stock': 'Le stock n’a pas pu être chargé',
  'error.ledger': 'Le registre du stock n’a pas pu être chargé',
  'error.settings': 'Les réglages n’ont pas pu être chargés',

  'kind.invoice': 'Facture',
  'kind.credit_note': 'Note de crédit',
  'kind.order_form': 'Bon de commande',
  'kind.delivery_note': 'Bon de livraison',
  'docState.concept': 'Concept',
  'docState.final': 'Finalisé',
  'docState.sent': 'Envoyé',
  'docState.cancelled': 'Annulé',
  'lineKind.shipping': 'Expédition',
  'lineKind.fee': 'Frais',

  'documents.title': 'Documents',
  'documents.countOne': '1 document',
  'documents.countMany': '{n} documents',
  'documents.paid': 'Payé',
  'documents.unpaid': 'Non payé',
  'documents.filters': 'Filtres',
  'documents.filter.kind': 'Type',
  'documents.filter.state': 'État',
  'documents.filter.payment': 'Paiement',
  'documents.filter.allKinds': 'Tous les types',
  'documents.filter.allStates': 'Tous les états',
  'documents.filter.allPayments': 'Payés ou non',
  'documents.filter.clear': 'Afficher tous les documents',
  'documents.col.number': 'Numéro',
  'documents.col.kind': 'Type',
  'documents.col.order': 'Commande',
  'documents.col.customer': 'Client',
  'documents.col.total': 'Total',
  'documents.col.state': 'État',
  'documents.col.payment': 'Paiement',
  'documents.concept': 'Concept',
  'documents.noPrices': 'Un bon de livraison ne montre pas de prix',
  'documents.empty.title': 'Aucun document pour l’instant',
  'documents.empty.filteredTitle': 'Aucun document ne correspond à ces filtres',
  'documents.empty.rule':
    'Chaque commande devient {kind} {when}. Les documents apparaissent ici d’eux-mêmes.',
  'documents.empty.goSettings': 'Ouvrir les réglages',
  'documents.article.invoice': 'une facture',
  'documents.article.order_form': 'un bon de commande',
  'documents.article.delivery_note': 'un bon de livraison',
  'documents.when.created': 'dès qu’elle est passée',
  'documents.when.paid': 'dès que son paiement est reçu',
  'documents.when.processing': 'quand elle passe en cours',
  'documents.when.completed': 'quand elle est terminée',

  'document.loadingTitle': 'Document',
  'document.title': '{kind} {number}',
  'document.conceptTitle': '{kind} (concept)',
  'document.close': 'Fermer le document',
  'document.paidByHand': 'Marqué comme payé par vous',
  'document.actions': 'Que faire de ce document',
  'document.finalizing': 'Finalisation…',
  'document.markPaid': 'Marquer comme payé',
  'document.markingPaid': 'Enregistrement…',
  'document.delete': 'Supprimer le concept',
  'document.deleting': 'Suppression…',
  'document.confirmDelete':
    'Supprimer ce concept ? Comptoir ne le refera pas pour cette commande, et le stock qu’il avait pris est rendu.',
  'document.confirmDeleteYes': 'Oui, le supprimer',
  'document.confirmDeleteNo': 'Le garder',
  'document.finalizeNumbered':
    'En finalisant, la facture reçoit son numéro, le suivant, sans trou. Une facture finalisée ne peut plus être supprimée, seulement corrigée par une note de crédit.',
  'document.finalizeOther': 'Finaliser marque le document comme prêt ; il garde son numéro.',
  'document.customerNote': 'Note du client (imprimée en haut)',
  'document.order': 'Commande',
  'document.customer': 'Client',
  'document.customerVat': 'N° de TVA du client',
  'document.language': 'Langue',
  'document.created': 'Créé le',
  'document.finalized': 'Finalisé le',
  'document.refund': 'Remboursement WooCommerce',
  'document.lines': 'Lignes',
  'document.col.sku': 'UGS',
  'document.col.description': 'Description',
  'document.col.qty': 'Qté',
  'document.col.unitPrice': 'Prix unitaire HTVA',
  'document.col.discount': 'Remise',
  'document.col.vatRate': 'TVA %',
  'document.col.total': 'Total HTVA',
  'document.col.base': 'Base HTVA',
  'document.col.vat': 'TVA',
  'document.noPricesNote':
    'Un bon de livraison accompagne le colis : il liste les articles et les quantités, sans prix.',
  'document.vatSummary': 'TVA par taux',
  'document.totalExcl': 'Total HTVA',
  'document.structured': 'Communication structurée',
  'document.structuredHint':
    'Le client l’indique avec son virement, pour que le paiement soit rapproché de cette facture.',
  'document.legend': 'Mention (imprimée en bas)',
  'document.internalNote': 'Note interne',
  'document.internalNoteHint': 'Pour vous seul : elle n’est jamais imprimée ni envoyée.',

  'stock.title': 'Stock',
  'stock.intro':
    'Les produits apparaissent ici la première fois qu’une commande les contient (par UGS). Leur stock reste inconnu tant que vous ne l’avez pas indiqué ; ensuite, les factures le diminuent et les notes de crédit le rétablissent. Comptoir ne modifie pas le stock dans WooCommerce.',
  'stock.products': 'Produits',
  'stock.col.sku': 'UGS',
  'stock.col.name': 'Produit',
  'stock.col.stock': 'En stock',
  'stock.col.ledgerTotal': 'Total du registre',
  'stock.col.set': 'Indiquer le stock',
  'stock.col.at': 'Quand',
  'stock.col.change': 'Mouvement',
  'stock.col.reason': 'Motif',
  'stock.col.document': 'Document',
  'stock.ledgerTotalHint': 'La somme de tous les mouvements du registre ci-dessous',
  'stock.unknown': 'Inconnu',
  'stock.unknownHint': 'Pas encore indiqué : tapez la quantité que vous avez et cliquez sur Enregistrer.',
  'stock.mismatchHint': 'Le stock diffère de la somme du registre.',
  'stock.setLabel': 'Nouveau stock de {sku}',
  'stock.set': 'Enregistrer',
  'stock.showMovements': 'Voir ses mouvements',
  'stock.showAllMovements': 'Voir tous les mouvements',
  'stock.empty.title': 'Aucun produit pour l’instant',
  'stock.empty.body':
    'Un produit est ajouté ici la première fois qu’arrive une ligne de commande avec une UGS. Les lignes sans UGS ne sont pas comptées.',
  'stock.ledger': 'Registre',
  'stock.ledgerIntro':
    'Chaque changement de stock, le plus récent d’abord : documents créés ou supprimés, et vos propres corrections.',
  'stock.ledgerFilter': 'Produit',
  'stock.allProducts': 'Tous les produits',
  'stock.noMovements': 'Aucun mouvement de stock pour l’instant.',
  'stock.noMovementsFor': 'Aucun mouvement de stock pour {sku} pour l’instant.',
  'stock.documentLink': 'Document {id}',
  'stock.byOwner': 'Indiqué par vous',

  'settings.title': 'Réglages',
  'settings.intro':
    'Comment vos commandes deviennent des documents, et ce que disent ces documents. Chaque champ est vérifié pendant la frappe et enregistré seul quand vous le quittez ; un choix est enregistré aussitôt.',
  'settings.sections': 'Sections',
  'settings.saved': 'Enregistré',
  'settings.saving': 'Enregistrement…',
  'settings.checking': 'Vérification…',
  'settings.notSaved':
    'Pas encore enregistré : ce sera fait quand vous quitterez le champ (ou avec Entrée).',
  'settings.notSavedKept': 'Non enregistré : la valeur précédente reste en vigueur.',
  'settings.revert': 'Remettre la valeur précédente',
  'settings.placeholders': 'Champs à insérer',
  'settings.insert': 'Insérer :',
  'settings.placeholdersHint':
    'Cliquez dans un texte : les champs que vous pouvez insérer apparaissent en dessous, et Comptoir les remplit pour chaque document.',
  'placeholder.order_number': 'Le numéro de la commande dans WooCommerce',
  'placeholder.document_number': 'Le numéro du document',
  'placeholder.customer_name': 'Le nom du client',
  'placeholder.total': 'Le montant à payer, avec sa devise',
  'placeholder.structured_communication': 'La communication structurée de la facture (+++…+++)',
  'placeholder.shop_name': 'Le nom de votre boutique',

  'settings.documents.title': 'Documents',
  'settings.documents.intro': 'Quel document Comptoir crée pour chaque commande, et quand.',
  'settings.documents.later':
    'Un changement vaut pour les commandes suivantes. Les documents déjà créés restent tels quels.',
  'settings.kind.label': 'Chaque commande devient',
  'settings.kind.invoice.name': 'Facture',
  'settings.kind.invoice.help':
    'le document avec TVA pour votre comptabilité. Elle reste un concept jusqu’à ce que vous la finalisiez ; elle reçoit alors son numéro, sans trou.',
  'settings.kind.order_form.name': 'Bon de commande',
  'settings.kind.order_form.help':
    'confirme au client ce qui a été commandé et le prix. Numéroté dès sa création.',
  'settings.kind.delivery_note.name': 'Bon de livraison',
  'settings.kind.delivery_note.help':
    'accompagne le colis : les articles et les quantités, sans prix. Numéroté dès sa création.',
  'settings.trigger.label': 'Le créer quand la commande est',
  'settings.trigger.created.name': 'Créée',
  'settings.trigger.created.help': 'dès que la commande est passée.',
  'settings.trigger.paid.name': 'Payée',
  'settings.trigger.paid.help':
    'quand le paiement est reçu : aussitôt pour les paiements en ligne, pour les virements quand vous passez la commande en cours, pour le paiement à la livraison seulement à la fin.',
  'settings.trigger.processing.name': 'En cours',
  'settings.trigger.processing.help':
    'quand la commande passe en cours (payée en ligne, virement que vous avez confirmé, ou paiement à la livraison en préparation, pas encore payé).',
  'settings.trigger.completed.name': 'Terminée',
  'settings.trigger.completed.help': 'quand vous marquez la commande comme terminée (expédiée ou remise).',
  'settings.autoEmail.label': 'Envoi',
  'settings.autoEmail.tick': 'Finaliser chaque document et l’envoyer aussitôt au client par e-mail',
  'settings.autoEmail.help':
    'Sans cette option, chaque document attend sous forme de concept pour que vous puissiez d’abord le vérifier.',

  'settings.languages.title': 'Langues',
  'settings.defaultLanguage.label': 'La langue de votre boutique',
  'settings.defaultLanguage.help':
    'La langue de tous les documents quand ils ne suivent pas la langue du client, et des clients dont le pays indique « langue de la boutique ».',
  'settings.multilingual.label': 'Langue du client',
  'settings.multilingual.tick': 'Rédiger chaque document dans la langue du client',
  'settings.multilingual.help':
    'Comptoir prend la langue dans laquelle la commande a été passée (WPML ou Polylang) ; à défaut, le pays de facturation ci-dessous décide.',
  'settings.countries.label': 'Langue par pays de facturation',
  'settings.countries.help':
    'Pour les commandes qui n’indiquent pas leur langue. Un pays absent de la liste reçoit la langue de « Tous les autres pays ».',
  'settings.countries.unused': 'Utilisé seulement quand les documents suivent la langue du client.',
  'settings.countries.country': 'Pays',
  'settings.countries.code': 'Code du pays (deux lettres, p. ex. BE)',
  'settings.countries.language': 'Langue',
  'settings.countries.languageFor': 'Langue pour {country}',
  'settings.countries.default': 'Langue de la boutique',
  'settings.countries.others': 'Tous les autres pays',
  'settings.countries.add': 'Ajouter un pays',
  'settings.countries.remove': 'Retirer',
  'settings.countries.removeOne': 'Retirer {country}',

  'settings.numbering.title': 'Numérotation',
  'settings.numbering.intro':
    'L’aspect des numéros : {year} devient l’année et {seq} le compteur ; {seq:04} écrit le compteur sur au moins 4 chiffres (0007).',
  'settings.numbering.when':
    'Les factures et les notes de crédit reçoivent leur numéro quand vous les finalisez, l’un après l’autre, sans trou. Les bons de commande et de livraison reçoivent le leur à leur création. Les factures et notes de crédit ne partagent jamais un compteur avec les bons de commande ou de livraison.',
  'settings.numbering.pattern': 'Modèle',
  'settings.numbering.next': 'Prochain compteur',
  'settings.numbering.reset': 'Nouvelle année',
  'settings.numbering.resetTick': 'Recommencer à 1 le 1er janvier (le modèle doit alors contenir {year})',
  'settings.numbering.example': 'Le prochain numéro sera',
  'settings.numbering.nextHelp':
    'Le prochain compteur ne peut pas redescendre sous un numéro déjà attribué : un numéro ne sert jamais deux fois.',
  'settings.series.invoice': 'Factures',
  'settings.series.credit_note': 'Notes de crédit',
  'settings.series.order_form': 'Bons de commande',
  'settings.series.delivery_note': 'Bons de livraison',

  'settings.shop.title': 'Votre boutique',
  'settings.shop.intro':
    'Imprimé sur chaque document. Les numéros sont vérifiés pendant la frappe.',
  'settings.shop.name': 'Nom',
  'settings.shop.address': 'Adresse',
  'settings.shop.addressHelp': 'Telle qu’imprimée : une ligne par ligne.',
  'settings.shop.vat': 'Numéro de TVA',
  'settings.shop.vatHelp': 'Par exemple BE0123456749.',
  'settings.shop.enterprise': 'Numéro d’entreprise (BCE)',
  'settings.shop.enterpriseHelp': 'Par exemple 0123.456.749.',
  'settings.shop.iban': 'IBAN',
  'settings.shop.ibanHelp': 'Le compte sur lequel vos clients paient, p. ex. BE68 5390 0754 7034.',
  'settings.shop.bic': 'BIC',
  'settings.shop.bicHelp': 'Le code de votre banque, 8 ou 11 caractères, p. ex. GKCCBEBB.',
  'settings.shop.email': 'E-mail',
  'settings.shop.phone': 'Téléphone',
  'settings.shop.logo': 'Logo',
  'settings.shop.logoHelp':
    'Le chemin complet d’un fichier PNG ou JPEG sur cet ordinateur, p. ex. /home/moi/logo.png. Laissez vide s’il n’y en a pas.',

  'settings.legends.title': 'Mentions',
  'settings.legends.intro':
    'La phrase imprimée en bas de chaque document, dans la langue du document : une pour les documents déjà payés, une pour ceux qui restent à payer.',
  'settings.legends.paid': 'Quand le document est payé',
  'settings.legends.unpaid': 'Quand le document n’est pas encore payé',

  'settings.emails.title': 'Textes des e-mails',
  'settings.emails.intro':
    'L’e-mail qui apporte un document au client, dans la langue du document, pour un document payé ou non payé.',
  'settings.emails.paid': 'Document payé',
  'settings.emails.unpaid': 'Document non payé',
  'settings.emails.subject': 'Objet',
  'settings.emails.body': 'Message',

  'error.send': 'Les documents n’ont pas pu être envoyés',
  'error.outbox': 'La boîte d’envoi n’a pas pu être chargée',
  'error.todaysNotes': 'Les bons de livraison du jour n’ont pas pu être chargés',

  'documents.views': 'Affichage',
  'documents.view.list': 'Documents',
  'documents.view.outbox': 'Boîte d’envoi',

  'bulk.label': 'Documents cochés',
  'bulk.hint': 'Cochez des documents pour en envoyer ou en imprimer plusieurs à la fois.',
  'bulk.ticked': '{n} coché(s)',
  'bulk.tickAll': 'Cocher tous les documents de la liste',
  'bulk.tickOne': 'Cocher {name}',
  'bulk.send': 'Envoyer par e-mail ({n})',
  'bulk.nothingToSend': 'Les documents cochés sont déjà envoyés ou en attente d’envoi.',
  'bulk.print': 'Imprimer ({n})',
  'bulk.clear': 'Tout décocher',
  'bulk.confirmOne': 'Envoyer le document coché par e-mail à l’adresse de facturation du client ?',
  'bulk.confirmMany':
    'Envoyer ces {n} documents par e-mail, chacun à l’adresse de facturation de son client ?',
  'bulk.confirmNumbered':
    'Les concepts sont d’abord finalisés : factures et notes de crédit reçoivent leur numéro et ne peuvent plus être supprimées.',
  'bulk.leftOut': '{n} document(s) coché(s) déjà envoyé(s) ou en attente : ils sont laissés de côté.',
  'bulk.confirmYes': 'Oui, les envoyer',
  'bulk.queuedOne': 'Le document est dans la boîte d’envoi ; il part dans un instant.',
  'bulk.queuedMany': '{n} documents sont dans la boîte d’envoi ; ils partent dans un instant.',
  'bulk.seeOutbox': 'Voir la boîte d’envoi',

  'review.send': 'Envoyer par e-mail',
  'review.sendAgain': 'Envoyer à nouveau',
  'review.sending': 'Envoi…',
  'review.confirmSend': 'Envoyer ce document à {to} ?',
  'review.confirmSendNumbered':
    'Il est d’abord finalisé : il reçoit son numéro et ne peut plus être supprimé, seulement corrigé par une note de crédit.',
  'review.confirmSendConcept': 'Il est d’abord finalisé.',
  'review.confirmSendYes': 'Oui, l’envoyer',
  'review.confirmSendNo': 'Pas maintenant',
  'review.finalize': 'Finaliser sans envoyer',
  'review.finalizeHint': 'Pour l’imprimer ou l’envoyer vous-même.',
  'review.noRecipient':
    'La commande n’a pas d’adresse e-mail de facturation : imprimez le document ou envoyez-le vous-même.',
  'review.smtpMissing':
    'L’e-mail n’est pas encore configuré : le document attend dans la boîte d’envoi jusqu’à ce que le serveur d’envoi et l’expéditeur soient remplis.',
  'review.openSettings': 'Ouvrir les réglages',
  'review.queued': 'Dans la boîte d’envoi : il part dans un instant.',
  'review.customerNoteHint':
    'Imprimée en haut du document, pour le client. La note du client dans WooCommerce s’y trouve déjà ; modifiez-la à votre guise.',
  'review.noCustomerNote': 'Aucune.',
  'review.preview': 'Tel qu’il sera imprimé',
  'review.email': 'L’e-mail tel que le client le verra',
  'review.emailSent': 'L’e-mail tel qu’il a été envoyé',
  'review.content': 'Contenu',

  'preview.loading': 'Préparation de l’aperçu…',
  'preview.updating': 'Mise à jour…',
  'preview.pageOne': '1 page',
  'preview.pageMany': '{n} pages',
  'preview.pageOf': 'Page {n} sur {total}',
  'preview.failed': 'L’aperçu n’a pas pu être préparé :',

  'email.from': 'De',
  'email.to': 'À',
  'email.subject': 'Objet',
  'email.attachment': 'Pièce jointe',
  'email.noRecipient': 'Pas d’adresse e-mail dans la commande',
  'email.numberedLater':
    'Le numéro est attribué quand le document est finalisé ou envoyé : l’objet, le texte et le nom du fichier le reprennent alors.',
  'email.failed': 'L’e-mail n’a pas pu être affiché :',

  'mail.badge.queued': 'E-mail en attente',
  'mail.badge.retrying': 'E-mail retardé',
  'mail.badge.sending': 'E-mail en cours',
  'mail.badge.sent': 'Envoyé par e-mail',
  'mail.badge.failed': 'E-mail en échec',
  'mail.waiting': 'En attente dans la boîte d’envoi ; il part dans un instant.',
  'mail.sendingNow': 'Envoi en cours…',
  'mail.sentTo': 'Envoyé à {to} le',
  'mail.serverAnswer': 'Réponse du serveur d’envoi',
  'mail.attempts': '{n} tentative(s)',
  'mail.advice.retry':
    'Comptoir réessaie à {at} et continue pendant au moins 24 heures. Rien à faire, sauf si cela dure.',
  'mail.advice.gaveUp':
    'Comptoir a arrêté d’essayer après 24 heures. Vérifiez les réglages d’e-mail et la connexion internet (Réglages → Envoi des e-mails, « Envoyer un e-mail de test »), puis envoyez-le à nouveau.',
  'mail.advice.refused':
    'Le serveur d’envoi l’a refusé ; Comptoir ne réessaie donc pas. Une fois corrigé ce qu’il indique, envoyez-le à nouveau, ou imprimez le document et remettez-le en main propre.',

  'outbox.intro':
    'Chaque document envoyé par e-mail, du plus récent au plus ancien : en attente, envoyé avec la réponse du serveur d’envoi, ou en échec avec la raison. Cliquez sur une ligne pour ouvrir son document.',
  'outbox.col.document': 'Document',
  'outbox.col.to': 'À',
  'outbox.col.state': 'État',
  'outbox.col.when': 'Quand',
  'outbox.col.details': 'Réponse du serveur ou erreur',
  'outbox.queuedAt': 'Mis en attente',
  'outbox.sentAt': 'Envoyé',
  'outbox.nextAt': 'Prochain essai',
  'outbox.failedCount': '{n} e-mail(s) en échec',
  'outbox.waitingCount': '{n} e-mail(s) en attente',
  'outbox.empty.title': 'Aucun e-mail pour l’instant',
  'outbox.empty.body':
    'Les documents que vous envoyez depuis leur relecture, ou que Comptoir envoie lui-même quand l’envoi automatique est activé, apparaissent ici.',

  'print.label': 'Impression',
  'print.printer': 'Imprimante',
  'print.refresh': 'Rechercher à nouveau les imprimantes',
  'print.noPrinter':
    'Aucune imprimante n’est installée sur cet ordinateur : ajoutez-en une dans les réglages du système.',
  'print.noPrinterChosen': 'Choisissez d’abord une imprimante',
  'print.print': 'Imprimer',
  'print.finalizes': 'Imprimer finalise le concept.',
  'print.finalizesNumbered':
    'Imprimer finalise le concept : il reçoit son numéro et ne peut plus être supprimé.',
  'print.today': 'Imprimer tous les bons de livraison du jour ({n})',
  'print.todayNone': 'Aucun bon de livraison n’a été fait aujourd’hui.',
  'print.todayHint': 'En une seule impression, dans l’ordre où ils ont été faits.',
  'print.preparing': 'Préparation de {done} sur {total}…',
  'print.doneOne': 'Envoyé à {printer} (tâche {job}).',
  'print.doneMany': '{n} documents envoyés à {printer} en une seule tâche ({job}).',
  'print.failed': 'Non imprimé :',

  'note.save': 'Enregistrer',
  'note.notSaved':
    'Pas encore enregistré : la note est enregistrée quand vous quittez le champ (ou avec Ctrl+Entrée).',

  'placeholder.document_date': 'La date du document (JJ/MM/AAAA)',

  'settings.smtp.title': 'Envoi des e-mails',
  'settings.smtp.intro':
    'Le serveur qui porte vos documents à vos clients. Votre fournisseur d’e-mail donne ces valeurs (cherchez « SMTP » ou « courrier sortant »).',
  'settings.smtp.host': 'Serveur d’envoi (SMTP)',
  'settings.smtp.hostHelp': 'Par exemple smtp.example.be.',
  'settings.smtp.port': 'Port',
  'settings.smtp.portHelp': 'En général 587 avec STARTTLS, 465 avec TLS.',
  'settings.smtp.security': 'Sécurité',
  'settings.smtp.securityHelp':
    'Comment la connexion est protégée ; votre fournisseur l’indique. « Aucune » est réservé à un relais sur cet ordinateur ou votre propre réseau.',
  'settings.smtp.security.starttls': 'STARTTLS (port 587)',
  'settings.smtp.security.tls': 'TLS (port 465)',
  'settings.smtp.security.none': 'Aucune (relais local seulement)',
  'settings.smtp.user': 'Nom d’utilisateur',
  'settings.smtp.userHelp':
    'Souvent votre adresse e-mail. Laissez vide si le serveur n’en demande pas.',
  'settings.smtp.password': 'Mot de passe',
  'settings.smtp.passwordKeep': 'Tapez un nouveau mot de passe pour le remplacer',
  'settings.smtp.passwordStored':
    'Un mot de passe est enregistré. Il n’est jamais affiché ; tapez-en un nouveau pour le remplacer.',
  'settings.smtp.passwordNone': 'Aucun mot de passe enregistré.',
  'settings.smtp.passwordRemove': 'Le supprimer',
  'settings.smtp.passwordSaved': 'Mot de passe enregistré',
  'settings.smtp.passwordRemoved': 'Mot de passe supprimé',
  'settings.smtp.from': 'Expéditeur',
  'settings.smtp.fromHelp':
    'Le nom et l’adresse de votre boutique, par ex. Le Comptoir <boutique@example.be>.',
  'settings.smtp.replyTo': 'Réponses à',
  'settings.smtp.replyToHelp':
    'Où vont les réponses de vos clients, si ce n’est pas à l’expéditeur. Facultatif.',
  'settings.smtp.copyTo': 'Copie à',
  'settings.smtp.copyToHelp': 'Une de vos adresses, qui reçoit une copie de chaque e-mail. Facultatif.',
  'settings.test.title': 'Vérifier les réglages',
  'settings.test.label': 'Envoyer un e-mail de test à',
  'settings.test.button': 'Envoyer un e-mail de test',
  'settings.test.sending': 'Envoi…',
  'settings.test.help':
    'Il utilise les réglages tels qu’enregistrés ci-dessus et vous dit exactement ce que le serveur d’envoi a répondu.',
  'settings.test.sent': 'L’e-mail de test à {to} a été accepté.',
  'settings.test.answer': 'Réponse du serveur d’envoi :',
  'settings.test.failed': 'Non envoyé :',
  'settings.woo.title': 'WooCommerce envoie aussi ses propres e-mails',
  'settings.woo.body':
    'WooCommerce écrit à vos clients quand une commande est en cours ou terminée. Si Comptoir leur envoie aussi les documents, un client reçoit deux e-mails pour une commande. Pour ne garder que ceux de Comptoir :',
  'settings.woo.step1': 'Dans l’administration WordPress, ouvrez WooCommerce → Réglages → E-mails.',
  'settings.woo.step2':
    'Cliquez sur l’e-mail au client qui fait doublon, par ex. « Commande en cours » ou « Commande terminée ».',
  'settings.woo.step3':
    'Décochez « Activer cette notification par e-mail » et cliquez sur « Enregistrer les modifications ».',
  'settings.woo.keep':
    'Laissez « Nouvelle commande » activé : il vous est adressé, pas au client. Les noms suivent la langue de votre administration WordPress.',

  // Sentences from the core, by code (comptoir_core::message).
  'msg.check.iban.empty':
    'L’IBAN est vide : tapez le numéro de compte tel que votre banque l’indique, p. ex. BE68 5390 0754 7034.',
  'msg.check.iban.characters':
    '{value} n’est pas un IBAN valide : il ne contient que des lettres, des chiffres et des espaces.',
  'msg.check.iban.start':
    '{value} n’est pas un IBAN valide : il commence par le code du pays en deux lettres et deux chiffres de contrôle, p. ex. BE68.',
  'msg.check.iban.country_length':
    '{value} n’est pas un IBAN valide : un IBAN qui commence par {country} compte {expected} caractères, celui-ci en a {actual}. Comparez-le avec votre extrait de compte.',
  'msg.check.iban.length':
    '{value} n’est pas un IBAN valide : un IBAN compte de 15 à 34 caractères, celui-ci en a {actual}. Comparez-le avec votre extrait de compte.',
  'msg.check.iban.check_digits':
    '{value} n’est pas un IBAN valide : ses chiffres de contrôle ne correspondent pas au numéro de compte. Vérifiez qu’il n’y a pas de faute de frappe.',
  'msg.check.bic':
    '{value} n’est pas un BIC valide : il compte 8 ou 11 caractères, 4 lettres pour la banque, 2 lettres pour le pays, puis des lettres ou des chiffres, p. ex. GEBABEBB ou GKCCBEBB.',
  'msg.check.enterprise.shape':
    '{value} n’est pas un numéro d’entreprise belge valide : il compte 10 chiffres, p. ex. 0123.456.749.',
  'msg.check.enterprise.length':
    '{value} n’est pas un numéro d’entreprise belge valide : il compte 10 chiffres, p. ex. 0123.456.749, et celui-ci en a {actual}.',
  'msg.check.enterprise.start':
    '{value} n’est pas un numéro d’entreprise belge valide : il commence par 0 ou 1.',
  'msg.check.enterprise.checksum':
    '{value} n’est pas un numéro d’entreprise belge valide : ses deux derniers chiffres ne correspondent pas aux huit premiers (contrôle modulo 97). Comparez-le avec la Banque-Carrefour des Entreprises.',
  'msg.check.vat.be_shape':
    '{value} n’est pas un numéro de TVA belge valide : il s’écrit BE suivi de 10 chiffres, p. ex. BE0123456749.',
  'msg.check.vat.be_length':
    '{value} n’est pas un numéro de TVA belge valide : il s’écrit BE suivi de 10 chiffres, p. ex. BE0123456749, et celui-ci en a {actual}.',
  'msg.check.vat.be_start':
    '{value} n’est pas un numéro de TVA belge valide : après BE, il commence par 0 ou 1.',
  'msg.check.vat.be_checksum':
    '{value} n’est pas un numéro de TVA belge valide : ses deux derniers chiffres ne correspondent pas aux huit premiers (contrôle modulo 97). Comparez-le avec vos documents de TVA.',
  'msg.check.vat.prefix':
    '{value} n’est pas un numéro de TVA valide : il commence par le code du pays, p. ex. BE0123456749.',
  'msg.check.vat.country':
    '{value} n’est pas un numéro de TVA valide : {country} n’est pas le code d’un pays de l’UE qui attribue des numéros de TVA (BE, NL, FR, LU, DE…).',
  'msg.check.vat.greece':
    '{value} n’est pas un numéro de TVA valide : {country} n’est pas le code d’un pays de l’UE qui attribue des numéros de TVA. Les numéros de TVA grecs commencent par EL.',
  'msg.check.vat.shape':
    '{value} n’est pas un numéro de TVA valide : un numéro de TVA qui commence par {country} a la forme {example}.',
  'msg.check.email.empty': 'L’adresse e-mail est vide : tapez-en une comme nom@exemple.be.',
  'msg.check.email.too_long':
    'Cette adresse e-mail dépasse les 254 caractères qu’acceptent les serveurs de messagerie : utilisez-en une plus courte.',
  'msg.check.email.invalid':
    '{value} n’est pas une adresse e-mail valide : elle a la forme nom@exemple.be, sans espaces.',
  'msg.template.unknown':
    'Le texte utilise {name}, que Comptoir ne connaît pas. Les champs que vous pouvez insérer sont : {known}.',
  'msg.template.empty':
    'Le texte contient des accolades vides {} au caractère {position}. Mettez-y un champ ({known}), ou écrivez {{ et }} pour des accolades ordinaires.',
  'msg.template.unclosed':
    'L’accolade { au caractère {position} n’est jamais fermée. Fermez-la avec } après le nom du champ ({known}), ou écrivez {{ pour une accolade ordinaire.',
  'msg.template.lone_close':
    'L’accolade } au caractère {position} ne ferme rien. Supprimez-la, ou écrivez }} pour une accolade ordinaire.',
  'msg.document.missing': 'Le document {id} n’existe pas ; il a peut-être été supprimé. Rechargez la liste.',
  'msg.document.cancelled_not_payable': 'Le document {id} est annulé ; il ne peut pas être marqué comme payé.',
  'msg.document.delete_final':
    'Le document {id} n’est plus un concept ; seuls les concepts peuvent être supprimés. Une facture définitive se corrige par une note de crédit.',
  'msg.document.note_too_long': 'La note interne doit rester sous {max} caractères.',
  'msg.document.already_sent': 'Le document {id} a déjà été envoyé par e-mail ; il n’est pas envoyé deux fois.',
  'msg.document.cannot_send': 'Le document {id} est annulé ; il ne peut pas être envoyé.',
  'msg.document.nothing_to_print': 'Il n’y a rien à imprimer : cochez d’abord les documents à imprimer.',
  'msg.document.note_final':
    'Le document {id} n’est plus un concept ; sa note pour le client ne peut plus être modifiée.',
  'msg.stock.quantity': 'Le stock de {sku} doit être un nombre, comme 12 ou 2,5 (et non « {value} »).',
  'msg.stock.unknown_sku':
    'Aucun produit n’a le SKU {sku}. Les produits apparaissent ici dès qu’une commande les contient.',
  'msg.setting.unknown_key': 'Réglage inconnu « {key} ». Réglages connus : {known}.',
  'msg.setting.secret':
    'Le secret du webhook compte de 12 à 255 caractères : lettres, chiffres et - _ . ~ ! * + = @ # $ % ^ ( ) [ ] { } : ; , ? / | (sans espaces, ni & < > " \').',
  'msg.setting.port': 'Le port est un nombre entier de 1024 à 65535.',
  'msg.setting.public_url.https':
    'WooCommerce ne livre qu’à une adresse publique en https:// : tapez-en une, ou laissez le champ vide.',
  'msg.setting.public_url.shape':
    'Donnez l’adresse sous la forme https://serveur ou https://serveur/chemin, sans nom d’utilisateur, requête (?…) ni fragment (#…).',
  'msg.setting.one_of': 'Choisissez parmi : {allowed}.',
  'msg.setting.bool': 'Écrivez true (oui) ou false (non).',
  'msg.setting.text_too_long': 'Restez sous les {max} caractères.',
  'msg.setting.logo.extension':
    'Le logo est un fichier .png, .jpg ou .jpeg : choisissez une image dans l’un de ces formats.',
  'msg.setting.logo.missing':
    'Le fichier {path} n’existe pas : vérifiez le chemin, ou choisissez à nouveau le fichier.',
  'msg.setting.number_pattern':
    'Utilisez {year} et un seul {seq} (ou {seq:04} pour au moins 4 chiffres), entourés de lettres, de chiffres, de - / . _, p. ex. F{year}-{seq:04}.',
  'msg.setting.positive_int': 'Tapez un nombre entier, à partir de 1.',
  'msg.setting.host': 'Tapez un nom de serveur comme smtp.exemple.be (lettres, chiffres, - et .).',
  'msg.setting.any_port':
    'Le port est un nombre de 1 à 65535, en général 587 (STARTTLS), 465 (TLS) ou 25.',
  'msg.setting.password': 'Le mot de passe tient sur une ligne et compte moins de 1024 caractères.',
  'msg.setting.minutes': 'Tapez un nombre entier de minutes, de 1 à 1440.',
  'msg.setting.country_map.entry':
    '« {entry} » n’est pas une paire pays-langue : écrivez-les comme FR=fr, séparées par des virgules, avec * pour tous les autres pays.',
  'msg.setting.country_map.country':
    '« {country} » n’est pas un code de pays : utilisez le code à deux lettres de WooCommerce, comme BE ou NL, ou * pour tous les autres pays.',
  'msg.setting.country_map.language':
    'Comptoir n’écrit pas en « {language} » : utilisez fr, nl, en, ou default pour la langue par défaut de la boutique.',
  'msg.setting.country_map.duplicate':
    '{country} apparaît deux fois dans la liste des pays : ne gardez qu’une langue pour ce pays.',
  'msg.setting.shop_url.not_https':
    'L’adresse de la boutique « {url} » doit commencer par https:// : WooCommerce n’accepte les clés d’API qu’en HTTPS (http:// est permis pour 127.0.0.1 et localhost, pour des tests). Tapez l’adresse d’accueil de la boutique telle que votre navigateur l’affiche, p. ex. https://maboutique.be.',
  'msg.setting.shop_url.not_address':
    '« {url} » n’est pas une adresse de boutique : ce n’est pas une adresse web. Tapez l’adresse d’accueil de la boutique telle que votre navigateur l’affiche, p. ex. https://maboutique.be.',
  'msg.setting.shop_url.no_scheme':
    '« {url} » n’est pas une adresse de boutique : elle ne commence pas par https://. Tapez l’adresse d’accueil de la boutique telle que votre navigateur l’affiche, p. ex. https://maboutique.be.',
  'msg.setting.shop_url.no_host':
    '« {url} » n’est pas une adresse de boutique : il y manque le nom du site. Tapez l’adresse d’accueil de la boutique telle que votre navigateur l’affiche, p. ex. https://maboutique.be.',
  'msg.setting.shop_url.user':
    '« {url} » n’est pas une adresse de boutique : elle contient un nom d’utilisateur ; la clé d’API va dans ses propres champs. Tapez l’adresse d’accueil de la boutique telle que votre navigateur l’affiche, p. ex. https://maboutique.be.',
  'msg.setting.shop_url.query':
    '« {url} » n’est pas une adresse de boutique : elle contient une requête (?…) ou un fragment (#…). Tapez l’adresse d’accueil de la boutique telle que votre navigateur l’affiche, p. ex. https://maboutique.be.',
  'msg.setting.shop_url.wordpress':
    '« {url} » n’est pas une adresse de boutique : elle pointe à l’intérieur de WordPress (wp-admin, wp-json…) au lieu de l’accueil de la boutique. Tapez l’adresse d’accueil de la boutique telle que votre navigateur l’affiche, p. ex. https://maboutique.be.',
  'msg.setting.numbering.reset_needs_year':
    'Une numérotation qui recommence chaque année a besoin de {year} dans son modèle, sinon des numéros se répéteraient : ajoutez d’abord {year} au modèle.',
  'msg.setting.numbering.pattern_needs_year':
    'Cette numérotation recommence à 1 chaque année, le modèle doit donc contenir {year} : décochez d’abord « Nouvelle année », ou gardez {year} dans le modèle.',
  'msg.setting.numbering.next_taken':
    'Le numéro {highest} a déjà été attribué : le suivant doit être au moins {least}.',
  'msg.activity.rules_failed':
    'La commande {order} a été enregistrée, mais son document n’a pas pu être créé : {error}',
  'msg.activity.ignored_topic':
    'WooCommerce a envoyé une livraison « {topic} » ; Comptoir ne traite que les commandes et l’a ignorée. Dans WooCommerce → Réglages → Avancé → Webhooks, donnez à ce webhook le sujet « Commande créée » ou « Commande mise à jour », ou supprimez-le.',
  'msg.activity.ignored_topic_webhook':
    'WooCommerce a envoyé une livraison « {topic} » (webhook {webhook}) ; Comptoir ne traite que les commandes et l’a ignorée. Dans WooCommerce → Réglages → Avancé → Webhooks, donnez à ce webhook le sujet « Commande créée » ou « Commande mise à jour », ou supprimez-le.',
  'msg.activity.failed_delivery':
    'Une livraison signée « {topic} » n’a pas pu être lue et a été gardée parmi les livraisons en échec : {reason}. WooCommerce en a été informé (400) ; la commande arrivera avec sa prochaine mise à jour.',
  'msg.activity.failed_delivery_untitled':
    'Une livraison signée sans sujet n’a pas pu être lue et a été gardée parmi les livraisons en échec : {reason}. WooCommerce en a été informé (400) ; la commande arrivera avec sa prochaine mise à jour.',
  'msg.activity.ping': 'WooCommerce a testé le webhook {webhook} : l’URL de livraison fonctionne.',
  'msg.activity.ping_from':
    'WooCommerce a testé le webhook {webhook} depuis {agent} : l’URL de livraison fonctionne.',
  'msg.activity.listening': 'À l’écoute de WooCommerce sur {address}.',
  'msg.activity.listener_stopped':
    'L’écoute s’est arrêtée : les commandes ne sont plus reçues jusqu’à sa reprise.',
  'msg.activity.catch_up.unreadable':
    'Une commande listée par la boutique pendant le rattrapage n’a pas pu être lue et a été gardée avec les livraisons en échec : {reason}. Elle reviendra avec sa prochaine modification.',
  'msg.activity.catch_up.again': 'Le rattrapage fonctionne à nouveau. {summary}',
  'msg.activity.catch_up.failed': 'Le rattrapage des commandes manquées a échoué : {error}',
  'msg.catch_up.none_missed':
    'Rattrapage : aucune commande manquée ({seen} {seen|commande modifiée|commandes modifiées} depuis le {since} UTC, déjà toutes là).{notes}',
  'msg.catch_up.changed':
    'Rattrapage : {changed} {changed|commande nouvelle ou modifiée|commandes nouvelles ou modifiées} sur {seen} depuis le {since} UTC ; {made} {made|document créé|documents créés}.{notes}',
  'msg.catch_up.note.unreadable':
    '{count} {count|commande n’a pas pu être lue et a été gardée|commandes n’ont pas pu être lues et ont été gardées} avec les livraisons en échec ; {count|elle reviendra|elles reviendront} à la prochaine modification.',
  'msg.catch_up.note.unsettled':
    'La liste des commandes de la boutique changeait pendant la lecture : le prochain rattrapage la relira à partir du même point.',
  'msg.activity.mail.gave_up':
    'Le document {number} n’a pas pu être envoyé par e-mail pendant plus de 24 heures et Comptoir a cessé d’essayer : {error} Vérifiez Réglages → Envoi des e-mails, puis cliquez à nouveau sur Envoyer par e-mail.',
  'msg.activity.mail.failed': 'Le document {number} n’a pas été envoyé par e-mail : {error}',
  'msg.activity.outbox_stopped': 'La boîte d’envoi s’est arrêtée un moment : {error}',
  'msg.reach.trip.server': ', serveur « {name} »',
  'msg.reach.trip.not_address':
    '« {address} » n’est pas une adresse web. Saisissez l’adresse du tunnel sous la forme https://hôte.',
  'msg.reach.trip.ok':
    'L’adresse publique fonctionne : ce Comptoir a reçu son propre test via {url} en {millis} ms.',
  'msg.reach.trip.dns':
    'Le test via {url} a échoué : le nom {host} est introuvable (DNS). Un nouveau tunnel rapide peut mettre une minute à être connu partout : réessayez dans un instant ; sinon vérifiez l’adresse.',
  'msg.reach.trip.timeout':
    'Le test via {url} a échoué : aucune réponse en {seconds} s. Le tunnel démarre peut-être ou est en panne : attendez un moment, ou redémarrez-le.',
  'msg.reach.trip.refused':
    'Le test via {url} a échoué : la connexion à {host} a échoué, rien n’y répond. Vérifiez l’adresse et que le tunnel ou le proxy inverse tourne.',
  'msg.reach.trip.certificate':
    'Le test via {url} a échoué : la connexion sécurisée a échoué ({detail}) : le certificat n’est pas valable pour {host}, et WooCommerce refuse aussi de telles adresses.',
  'msg.reach.trip.tls':
    'Le test via {url} a échoué : la connexion sécurisée a échoué ({detail}) ; WooCommerce exige un certificat valable.',
  'msg.reach.trip.broken':
    'Le test via {url} a échoué : la connexion a été interrompue ({detail}). Vérifiez l’adresse et que le tunnel tourne.',
  'msg.reach.trip.failed': 'Le test via {url} a échoué : la requête a échoué ({detail}).',
  'msg.reach.trip.bad_answer':
    'Comptoir a reçu le test via {url}, mais la réponse est revenue en HTTP {status}{server} ; WooCommerce a besoin du 200 du récepteur. Vérifiez ce que le tunnel ou le proxy inverse fait des réponses.',
  'msg.reach.trip.other_server':
    'Un autre serveur a répondu au test à {url} (HTTP {status}{server}) : l’adresse ne mène pas à ce Comptoir. Dirigez le tunnel ou le proxy inverse vers http://127.0.0.1:{port}.',
  'msg.reach.trip.redirect':
    'L’adresse a répondu par une redirection (HTTP {status}{server}) vers {location} : ce n’est pas le récepteur de Comptoir, qui ne redirige jamais. Saisissez l’adresse d’arrivée, ou dirigez le tunnel directement vers http://127.0.0.1:{port}.',
  'msg.reach.trip.not_found':
    'L’adresse a répondu 404 (introuvable{server}) : elle mène à un serveur web, mais pas au récepteur de Comptoir sur {path}. Vérifiez que le tunnel ou le proxy inverse transmet à http://127.0.0.1:{port} en gardant le chemin.',
  'msg.reach.trip.gateway':
    'Le tunnel a répondu HTTP {status}{server} : il tourne, mais n’a pas pu joindre le récepteur de Comptoir sur cet ordinateur (port {port}). Vérifiez que le récepteur tourne et que le tunnel transmet à ce port.',
  'msg.reach.trip.other_status':
    'L’adresse a répondu HTTP {status}{server} et le test n’a pas atteint ce Comptoir. Dirigez le tunnel ou le proxy inverse vers http://127.0.0.1:{port}.',
  'msg.reach.trip.no_address': 'Il n’y a pas d’adresse publique à tester : {reason}',
  'msg.reach.trip.starting': 'Il n’y a pas d’adresse publique à tester : le tunnel démarre encore.',
  'msg.tunnel.bad_url':
    '« {url} » ne peut pas être l’adresse publique : {reason}. Saisissez l’adresse https:// de votre tunnel ou proxy inverse, p. ex. https://commandes.maboutique.be.',
  'msg.tunnel.bad_url.not_https':
    'elle doit commencer par https:// (WooCommerce vérifie les certificats, et les commandes contiennent des données personnelles)',
  'msg.tunnel.bad_url.query': 'elle contient une requête (?…) ou un fragment (#…)',
  'msg.tunnel.bad_url.no_host': 'elle n’a pas de nom d’hôte',
  'msg.tunnel.bad_url.user': 'elle contient un nom d’utilisateur',
  'msg.tunnel.bad_url.ip_address':
    'WooCommerce ne livre pas aux adresses IPv6 ; utilisez un nom d’hôte',
  'msg.tunnel.bad_url.port': 'WooCommerce ne livre qu’aux ports 443, 80 et 8080, pas au {port}',
  'msg.tunnel.bad_url.not_a_port': 'WooCommerce ne livre qu’aux ports 443, 80 et 8080',
  'msg.tunnel.bad_url.private':
    'c’est une adresse locale ou privée, que WooCommerce refuse d’appeler',
  'msg.tunnel.not_installed':
    'cloudflared est introuvable ({exe}). Installez cloudflared depuis le site de Cloudflare, ou saisissez plutôt l’adresse publique de votre propre tunnel.',
  'msg.tunnel.spawn':
    'cloudflared ({exe}) n’a pas pu être lancé : {reason}. Vérifiez que le fichier est bien le programme cloudflared et que vous pouvez l’exécuter.',
  'msg.tunnel.no_address_yet': '{provider} n’a pas donné d’adresse à temps ; Comptoir continue d’essayer.',
  'msg.tunnel.cloudflared_restarting':
    '{end}{last_words}. Comptoir le relance dans {seconds} s ; vérifiez la connexion internet de cet ordinateur (Cloudflare limite aussi le nombre de tunnels rapides créés d’affilée).',
  'msg.tunnel.end.exited': 'cloudflared s’est arrêté ({exit})',
  'msg.tunnel.end.exited_without_address':
    'cloudflared s’est arrêté avant de donner une adresse ({exit})',
  'msg.tunnel.end.no_address': 'cloudflared n’a pas donné d’adresse de tunnel rapide en {seconds} s',
  'msg.tunnel.last_words': ' ; ses derniers mots : « {words} »',
  'msg.tunnel.ngrok.no_authtoken':
    'Aucun authtoken ngrok n’est réglé. Collez votre authtoken ngrok depuis dashboard.ngrok.com → Your Authtoken.',
  'msg.tunnel.ngrok.authtoken_rejected':
    'ngrok a refusé l’authtoken ({detail}). Collez à nouveau votre authtoken ngrok depuis dashboard.ngrok.com → Your Authtoken (un authtoken réinitialisé ou révoqué ne fonctionne plus).',
  'msg.tunnel.ngrok.bad_domain':
    '« {domain} » n’est pas un nom de domaine. Saisissez le domaine réservé dans votre compte ngrok (dashboard.ngrok.com → Domains), p. ex. commandes-maboutique.ngrok.app, ou laissez vide pour utiliser l’adresse ngrok de votre compte.',
  'msg.tunnel.ngrok.domain':
    'ngrok refuse d’ouvrir {domain} pour ce compte ({detail}). Vérifiez que ce domaine est réservé dans le compte ngrok de cet authtoken (dashboard.ngrok.com → Domains), ou laissez vide pour utiliser l’adresse ngrok de votre compte.',
  'msg.tunnel.ngrok.unreachable':
    'Comptoir n’a pas pu joindre ngrok ({server}) : {reason}. Vérifiez la connexion internet de cet ordinateur ; un pare-feu ou un proxy peut la bloquer.',
  'msg.tunnel.ngrok.refused':
    'ngrok a refusé d’ouvrir le tunnel ({detail}). Vérifiez ce que votre compte ngrok permet sur dashboard.ngrok.com (un agent ngrok qui tourne ailleurs avec ce compte compte aussi).',
  'msg.tunnel.ngrok.dropped':
    'La connexion à ngrok a été coupée ({reason}). Si cela se répète, vérifiez la connexion internet de cet ordinateur.',
  'msg.tunnel.ngrok.retrying': '{error} Comptoir réessaie dans {seconds} s.',
  'msg.tunnel.ngrok.could_not_start':
    'Comptoir n’a pas pu démarrer le tunnel ngrok : {reason}. Fermez quelques programmes et réessayez.',
  'msg.tunnel.bad_local_address':
    'L’adresse locale {address} n’est pas valable ({reason}) ; c’est une erreur de Comptoir.',
  'msg.tunnel.stopped': 'Le tunnel a été arrêté.',
  'msg.tunnel.not_started': 'pas démarré',
  'msg.tunnel.stopped_on_request': 'arrêté',
  'msg.tunnel.settings_unreadable':
    'Les réglages du tunnel n’ont pas pu être lus dans la base de données ; redémarrez Comptoir.',
  'msg.tunnel.no_listener':
    'Le récepteur ne tourne pas, le tunnel ne mène donc nulle part. Démarrez le récepteur (ou libérez son port).',
  'msg.tunnel.no_public_url':
    'Aucune adresse publique n’est réglée. Saisissez l’adresse https:// de votre tunnel ou proxy inverse (tunnel.public_url), ou choisissez cloudflared.',
  'msg.tunnel.starting': 'le tunnel démarre',
  'msg.listener.not_loopback':
    '{address} n’est pas une adresse locale (loopback) ; le récepteur n’écoute que sur 127.0.0.1, pour que seul le tunnel l’atteigne.',
  'msg.listener.port_busy':
    'Un autre programme utilise déjà le port {port}. Fermez-le, ou choisissez un autre port dans les réglages (listener.port).',
  'msg.listener.cannot_open': 'Le récepteur n’a pas pu ouvrir {address} : {error}.',
  'msg.listener.cannot_start': 'Le récepteur n’a pas pu démarrer : {error}.',
  'msg.listener.closed': 'Comptoir a été fermé.',
  'msg.listener.not_started': 'Le récepteur n’a pas encore été démarré.',
  'msg.webhook.created': 'Le webhook {id} ({topic}) a été créé ; il livre à {url}.',
  'msg.webhook.moved': 'Le webhook {id} ({topic}) livre désormais à {url} au lieu de {previous}.',
  'msg.webhook.updated': 'Le webhook {id} ({topic}) a été mis à jour ; il livre à {url}.',
  'msg.webhook.moved_note': ' et livre désormais à {url} au lieu de {previous}',
  'msg.webhook.reactivated_disabled':
    'Le webhook {id} ({topic}) avait été désactivé par WooCommerce, qui le fait après 7 livraisons échouées d’affilée (Comptoir était fermé, en veille ou injoignable). Il est de nouveau actif{moved}. WooCommerce ne renvoie pas ce qui a échoué ; le rattrapage va chercher ces commandes. Tant qu’aucune livraison n’a réussi, un seul échec de plus le désactive à nouveau : gardez Comptoir joignable.',
  'msg.webhook.reactivated':
    'Le webhook {id} ({topic}) était « {was} » dans WooCommerce ; Comptoir l’a réactivé{moved}. Les commandes modifiées entre-temps sont récupérées par le rattrapage.',
  'msg.webhook.secret_sent':
    'Le webhook {id} ({topic}) est actif, livre à {url} et a maintenant le secret actuel de Comptoir.',
  'msg.webhook.unchanged': 'Le webhook {id} ({topic}) est actif et livre à {url}.',
  'msg.webhook.duplicate':
    'Le webhook {id} (« {name} », {topic}) est un second webhook de Comptoir et a été laissé tel quel ; si personne ne l’a créé exprès, supprimez-le dans WooCommerce → Réglages → Avancé → Webhooks.',
  'msg.webhook.recreated':
    'Le webhook de Comptoir pour {topic} n’était plus dans WooCommerce{gone}, sans doute supprimé là-bas ; Comptoir l’a recréé comme webhook {id}, livrant à {url}. Les commandes modifiées entre-temps sont récupérées par le rattrapage.',
  'msg.webhook.gone_note': ' (le webhook {id} a disparu)',
  'msg.webhook.url.not_address':
    '« {url} » n’est pas une adresse web ; WooCommerce n’y livrera pas. Vérifiez l’adresse publique du tunnel.',
  'msg.webhook.url.not_https':
    'L’URL de livraison {url} n’est pas en HTTPS : les commandes voyageraient en clair. Utilisez l’adresse https:// du tunnel.',
  'msg.webhook.url.port':
    'WooCommerce ne livre qu’aux ports 80, 443 et 8080, pas au {port} : les webhooks échoueront. Utilisez l’adresse publique du tunnel sans port.',
  'msg.webhook.url.private':
    'WooCommerce ne livre pas aux adresses locales ou privées comme {host} : les webhooks échoueront. Utilisez une adresse de tunnel publique.',
  'msg.webhook.check_again': 'Comptoir peut de nouveau vérifier ses webhooks dans WooCommerce.',
  'msg.webhook.check_failed': 'Comptoir n’a pas pu vérifier ses webhooks dans WooCommerce : {error}',
  'msg.webhook.connect_failed': 'La connexion à la boutique a échoué : {error}',
  'msg.webhook.no_address_yet':
    'Il n’y a pas d’adresse publique, les webhooks ne peuvent donc pas encore être corrigés ({reason}) ; Comptoir le fait dès que le tunnel est en place.',
  'msg.webhook.not_active': 'Dans WooCommerce, le webhook {id} ({topic}) est « {status} ». {problem}',
  'msg.reach.trip.no_listener':
    'Le récepteur ne tourne pas, rien ne peut donc répondre au test : {reason}',
};

const nl: Dictionary = {
  'app.name': 'Comptoir',
  'nav.label': 'Schermen',
  'nav.orders': 'Bestellingen',
  'nav.connection': 'Verbinding',
  'nav.activity': 'Activiteit',
  'lang.label': 'Taal',
  'lang.fr': 'Français',
  'lang.nl': 'Nederlands',
  'lang.en': 'English',

  'common.loading': 'Laden…',
  'common.copy': 'Kopiëren',
  'common.copied': 'Gekopieerd',
  'common.close': 'Sluiten',
  'common.show': 'Tonen',
  'common.hide': 'Verbergen',
  'common.retry': 'Opnieuw proberen',
  'common.notLoaded': 'Niet beschikbaar: zie de melding hierboven.',
  'common.colon': ':',

  'error.title': 'Er ging iets mis',
  'error.dismiss': 'Sluiten',
  'error.notInApp':
    'Deze pagina toont alleen gegevens in de Comptoir-app; ze werd in een gewone browser geopend.',
  'error.orders': 'De bestellingen konden niet geladen worden',
  'error.order': 'De bestelling kon niet geopend worden',
  'error.connection': 'De verbindingsgegevens konden niet geladen worden',
  'error.activity': 'Het activiteitenlogboek kon niet geladen worden',
  'error.failed': 'De mislukte leveringen konden niet geladen worden',
  'error.restart': 'De ontvanger kon niet herstart worden',
  'error.testOrder': 'De testbestelling is mislukt',
  'error.copy': 'Kopiëren is mislukt; selecteer de tekst en kopieer hem zelf',
  'error.events': 'Live-updates zijn niet beschikbaar; open Comptoir opnieuw',

  'listener.listening': 'Luistert op poort {port}',
  'listener.port_busy': 'Poort {port} is bezet',
  'listener.stopped': 'Gestopt',
  'listener.unknown': 'Toestand van de ontvanger onbekend',

  'status.pending': 'Wacht op betaling',
  'status.processing': 'In behandeling',
  'status.on-hold': 'In de wacht',
  'status.completed': 'Afgerond',
  'status.cancelled': 'Geannuleerd',
  'status.refunded': 'Terugbetaald',
  'status.failed': 'Mislukt',
  'status.checkout-draft': 'Concept',
  'status.trash': 'In prullenbak',

  'outcome.created': 'Aangemaakt',
  'outcome.updated': 'Bijgewerkt',
  'outcome.duplicate': 'Herhaling, geen wijziging',
  'outcome.stale': 'Oudere versie, genegeerd',
  'outcome.trashed': 'Naar de prullenbak',
  'outcome.restored': 'Uit de prullenbak gehaald',
  'outcome.ignored': 'Genegeerd, geen bestelling',
  'outcome.unknown_order': 'Onbekende bestelling',

  'topic.order.created': 'Bestelling aangemaakt',
  'topic.order.updated': 'Bestelling bijgewerkt',
  'topic.order.deleted': 'Bestelling verwijderd',
  'topic.order.restored': 'Bestelling hersteld',

  'badge.paid': 'Betaald',
  'badge.unpaid': 'Niet betaald',
  'badge.test': 'Test',
  'badge.trashed': 'In prullenbak',

  'orders.title': 'Bestellingen',
  'orders.countOne': '1 bestelling',
  'orders.countMany': '{n} bestellingen',
  'orders.col.number': 'Bestelling',
  'orders.col.date': 'Datum',
  'orders.col.customer': 'Klant',
  'orders.col.total': 'Totaal',
  'orders.col.status': 'Status',
  'orders.col.payment': 'Betaling',
  'orders.noName': 'Geen naam opgegeven',
  'orders.empty.title': 'Nog geen bestellingen',
  'orders.empty.body':
    'Bestellingen verschijnen hier vanzelf zodra uw WooCommerce-winkel ze verstuurt, zonder te vernieuwen.',
  'orders.empty.connect':
    'Om de winkel te verbinden kopieert u de bezorg-URL en het geheim van het scherm Verbinding in twee webhooks in WooCommerce.',
  'orders.empty.goConnection': 'Verbinding openen',
  'orders.empty.test':
    'Om na te gaan of Comptoir bestellingen ontvangt op deze computer, verstuurt u een testbestelling.',

  'detail.title': 'Bestelling {number}',
  'detail.close': 'Bestelling sluiten',
  'detail.placed': 'Geplaatst op',
  'detail.shop': 'Winkel',
  'detail.testNote': 'Een testbestelling van Comptoir, geen echte bestelling.',
  'detail.trashedNote': 'Deze bestelling staat in de prullenbak van WooCommerce.',
  'detail.billing': 'Factuuradres',
  'detail.shipping': 'Leveradres',
  'detail.noAddress': 'Geen adres opgegeven',
  'detail.email': 'E-mail',
  'detail.phone': 'Telefoon',
  'detail.note': 'Opmerking van de klant',
  'detail.items': 'Artikelen',
  'detail.col.product': 'Product',
  'detail.col.sku': 'Artikelnr.',
  'detail.col.qty': 'Aantal',
  'detail.col.net': 'Excl. btw',
  'detail.col.vat': 'Btw',
  'detail.noItems': 'Geen artikelen.',
  'detail.shippingLines': 'Verzending',
  'detail.fees': 'Kosten',
  'detail.coupons': 'Kortingscodes',
  'detail.refunds': 'Terugbetalingen',
  'detail.noReason': 'Geen reden opgegeven',
  'detail.totals': 'Totalen',
  'detail.discount': 'Korting (excl. btw)',
  'detail.shippingTotal': 'Verzending (excl. btw)',
  'detail.totalTax': 'Btw',
  'detail.total': 'Totaal',
  'detail.pricesInclTax': 'De winkel voert zijn prijzen in inclusief btw.',
  'detail.pricesExclTax': 'De winkel voert zijn prijzen in exclusief btw.',
  'detail.payment': 'Betaling',
  'detail.paidOn': 'Betaald op {date}',
  'detail.notPaid': 'Nog niet betaald',
  'detail.deliveries': 'Leveringsgeschiedenis',
  'detail.col.received': 'Ontvangen',
  'detail.col.topic': 'Onderwerp',
  'detail.col.webhook': 'Webhook',
  'detail.col.outcome': 'Resultaat',
  'detail.noDeliveries': 'Geen levering geregistreerd.',

  'connection.title': 'Verbinding',
  'connection.intro':
    'WooCommerce stuurt elke nieuwe of gewijzigde bestelling naar Comptoir via twee webhooks. Plak deze twee waarden in allebei.',
  'connection.deliveryUrl': 'Bezorg-URL',
  'connection.secret': 'Geheim',
  'connection.secretHidden': 'Verborgen',
  'connection.showSecret': 'Het geheim tonen',
  'connection.hideSecret': 'Het geheim verbergen',
  'connection.localNote':
    'Dit is een adres op deze computer. WooCommerce levert alleen aan een openbaar HTTPS-adres, op poort 443, 80 of 8080, met een geldig certificaat: uw winkel heeft een tunnel of een reverse proxy nodig die naar dit adres doorstuurt. Voor de testbestelling volstaat het lokale adres.',
  'connection.publicNote': 'Dit openbare adres moet doorsturen naar Comptoir op deze computer: {local}',
  'connection.listener': 'Ontvanger',
  'connection.restart': 'Ontvanger herstarten',
  'connection.restarting': 'Herstarten…',
  'connection.refused': 'Een levering werd geweigerd op {at}: {reason}.',
  'connection.dataDir': 'Gegevensmap',
  'refused.wrong signature': 'verkeerde handtekening — het geheim in WooCommerce verschilt van dit geheim',
  'refused.no signature': 'geen handtekening — het verzoek was geen ondertekende WooCommerce-levering',
  'refused.body too large': 'de inhoud was groter dan 1 MiB',
  'refused.other': '{reason} (HTTP {status})',

  'steps.title': 'De webhooks instellen in WooCommerce',
  'steps.1':
    'Open in het WordPress-beheer WooCommerce → Instellingen → Geavanceerd → Webhooks en klik op “Webhook toevoegen”.',
  'steps.2': 'Naam: bijvoorbeeld “Comptoir – bestelling aangemaakt”.',
  'steps.3': 'Status: “Actief”.',
  'steps.4': 'Onderwerp: “Bestelling aangemaakt”.',
  'steps.5': 'Bezorg-URL: plak de bezorg-URL hierboven.',
  'steps.6': 'Geheim: plak het geheim hierboven.',
  'steps.7': 'API-versie: “WP REST API Integration v3”.',
  'steps.8':
    'Klik op “Webhook opslaan”. WooCommerce stuurt dan een ping, die verschijnt onder Activiteit.',
  'steps.9':
    'Voeg op dezelfde manier een tweede webhook toe, met het onderwerp “Bestelling bijgewerkt” en de naam “Comptoir – bestelling bijgewerkt”.',
  'steps.hint':
    'De veldnamen volgen de taal van uw WordPress-beheer (in het Engels: Topic “Order created” / “Order updated”, Delivery URL, Secret, API Version).',

  'test.title': 'Deze computer controleren',
  'test.body':
    'Een testbestelling volgt dezelfde weg als een echte: een ondertekende levering aan de ontvanger. Ze is gemarkeerd als “Test” onder Bestellingen.',
  'test.button': 'Testbestelling versturen',
  'test.sending': 'Versturen…',
  'test.received': 'Testbestelling {id} ontvangen',
  'test.see': 'zie Bestellingen',
  'test.failed': 'De testbestelling is mislukt: {reason}',

  // --- Scherm Verbinding: publiek adres, koppelen in één klik, inhaalronde (reach.*) ---
  'reach.tunnel.title': 'Publiek adres',
  'reach.tunnel.intro':
    'WooCommerce levert alleen aan een publiek HTTPS-adres. Kies hoe deze computer er een krijgt; Comptoir laat alleen het pad van de webhooks door.',
  'reach.provider.label': 'Hoe WooCommerce deze computer bereikt',
  'reach.provider.manual.name': 'Mijn eigen adres',
  'reach.provider.manual.help':
    'uw eigen tunnel of reverse proxy, die doorstuurt naar de ontvanger; u vult het HTTPS-adres in.',
  'reach.provider.cloudflared.name': 'Snelle tunnel van Cloudflare',
  'reach.provider.cloudflared.help':
    'gratis, zonder account; het programma cloudflared is nodig. Het adres verandert bij elke start, en Comptoir verplaatst dan de webhooks.',
  'reach.provider.ngrok.name': 'ngrok',
  'reach.provider.ngrok.help':
    'met de authtoken van uw ngrok-account, en een gereserveerd domein als u er een hebt (het adres blijft dan hetzelfde).',
  'reach.manual.url': 'Publiek adres',
  'reach.manual.urlHelp':
    'Bijvoorbeeld https://bestellingen.mijnwinkel.be. Het moet doorsturen naar de ontvanger van deze computer; Testen controleert het adres zoals het getypt is.',
  'reach.cloudflared.installed':
    'cloudflared is geïnstalleerd: Comptoir start en stopt het samen met de app.',
  'reach.cloudflared.help':
    'Installeer cloudflared via de website van Cloudflare (developers.cloudflare.com → cloudflared → Downloads) als het nog niet op deze computer staat.',
  'reach.cloudflared.path': 'Programma cloudflared',
  'reach.cloudflared.pathHelp':
    'Alleen als Comptoir het niet zelf vindt: het volledige pad van het programma cloudflared.',
  'reach.ngrok.token': 'ngrok-authtoken',
  'reach.ngrok.tokenKeep': 'Typ een nieuwe authtoken om hem te vervangen',
  'reach.ngrok.tokenStored':
    'Er is een authtoken opgeslagen (dashboard.ngrok.com → Your Authtoken). Hij wordt nooit getoond; typ een nieuwe om hem te vervangen.',
  'reach.ngrok.tokenNone':
    'Geen authtoken opgeslagen. Kopieer de uwe via dashboard.ngrok.com → Your Authtoken.',
  'reach.ngrok.tokenRemove': 'Verwijderen',
  'reach.ngrok.tokenSaved': 'Authtoken opgeslagen',
  'reach.ngrok.tokenRemoved': 'Authtoken verwijderd',
  'reach.ngrok.domain': 'Gereserveerd domein (optioneel)',
  'reach.ngrok.domainHelp':
    'Bijvoorbeeld mijnwinkel.ngrok.app. Zonder domein geeft ngrok een adres dat kan veranderen.',
  'reach.state.starting': '{provider}: wordt gestart…',
  'reach.state.up': '{provider}: actief',
  'reach.state.down': '{provider}: buiten werking',
  'reach.state.changing': 'De tunnel verandert…',
  'reach.restarts': '{count} keer herstart na een onderbreking.',
  'reach.test.button': 'Testen',
  'reach.test.running': 'Bezig met testen…',
  'reach.test.help':
    'Stuurt een verzoek via het publieke adres en gaat na of het terugkomt bij de ontvanger van deze computer.',
  'reach.test.ok': 'Het werkt: heen en terug in {ms} ms',
  'reach.test.failed': 'De test is niet bij Comptoir aangekomen',

  'reach.shop.title': 'De winkel koppelen (in één klik)',
  'reach.shop.intro':
    'Met een REST API-sleutel maakt Comptoir zelf zijn twee webhooks aan in WooCommerce, houdt ze gericht op het huidige adres en haalt de bestellingen op die het gemist zou hebben.',
  'reach.key.title': 'Waar u de sleutel aanmaakt',
  'reach.key.1':
    'Open in het WordPress-beheer WooCommerce → Instellingen → Geavanceerd → REST API en klik op “Sleutel toevoegen”.',
  'reach.key.2': 'Omschrijving: bijvoorbeeld “Comptoir”; Gebruiker: een beheerder.',
  'reach.key.3': 'Rechten: “Lezen/Schrijven”, en klik dan op “API-sleutel genereren”.',
  'reach.key.4':
    'Kopieer hieronder de consumer key (ck_…) en het consumer secret (cs_…): WooCommerce toont het secret maar één keer.',
  'reach.key.why':
    'Lees- en schrijfrechten zijn nodig: Comptoir maakt en herstelt zijn webhooks (schrijven) en leest de gemiste bestellingen (lezen).',
  'reach.shop.url': 'Adres van de winkel',
  'reach.shop.urlHelp': 'Bijvoorbeeld https://www.mijnwinkel.be (https is verplicht).',
  'reach.shop.key': 'Consumer key',
  'reach.shop.keyHelp': 'Begint met ck_.',
  'reach.shop.secret': 'Consumer secret',
  'reach.shop.secretKeep': 'Typ een nieuw secret om het te vervangen',
  'reach.shop.secretStored':
    'Er is een consumer secret opgeslagen in de sleutelhanger van het systeem. Het wordt nooit getoond; typ een nieuw om het te vervangen.',
  'reach.shop.secretNone': 'Geen consumer secret opgeslagen. Het begint met cs_.',
  'reach.shop.secretRemove': 'Verwijderen',
  'reach.shop.secretSaved': 'Consumer secret opgeslagen',
  'reach.shop.secretRemoved': 'Consumer secret verwijderd',
  'reach.connect.button': 'Koppelen',
  'reach.connect.again': 'Opnieuw koppelen',
  'reach.connect.running': 'Bezig met koppelen…',
  'reach.connect.help':
    'Maakt de webhooks “bestelling aangemaakt” en “bestelling bijgewerkt” aan, of werkt de webhooks bij die Comptoir eerder maakte: nog eens klikken maakt nooit dubbele aan.',
  'reach.connect.needsAddress':
    'Om te koppelen moet het publieke adres actief zijn: WooCommerce moet weten waar het moet leveren.',
  'reach.connect.done': 'De winkel is gekoppeld.',
  'reach.connect.unchanged': 'De winkel was al gekoppeld: er hoefde niets te veranderen.',
  'reach.connect.failed': 'Het koppelen van de winkel is mislukt',
  'reach.hooks.title': 'De webhooks van Comptoir in WooCommerce',
  'reach.hooks.topic': 'Onderwerp',
  'reach.hooks.id': 'Nr.',
  'reach.hooks.status': 'Status',
  'reach.hooks.url': 'Levert aan',
  'reach.hooks.noneYet': 'Nog geen: klik op Koppelen.',
  'reach.hooks.manualOnly':
    'Niet gekoppeld door Comptoir. Zonder API-sleutel maakt u de webhooks zelf aan (zie Handmatig instellen).',
  'reach.hooks.changes': 'Wat de vorige keer veranderde',
  'reach.hooks.checked': 'Laatst nagekeken op {at}.',
  'reach.hooks.neverChecked': 'Nog niet nagekeken.',
  'reach.hooks.auto':
    'Comptoir kijkt ze na bij de start en daarna geregeld: het heractiveert een webhook die WooCommerce uitschakelde en maakt een verwijderde opnieuw aan.',
  'reach.hooks.check': 'Nu nakijken',
  'reach.hooks.checking': 'Bezig met nakijken…',
  'reach.topic.created': 'Bestelling aangemaakt',
  'reach.topic.updated': 'Bestelling bijgewerkt',
  'reach.hook.active': 'Actief',
  'reach.hook.paused': 'Gepauzeerd',
  'reach.hook.disabled': 'Uitgeschakeld',
  'reach.hook.deleted': 'Verwijderd',

  'reach.catchUp.title': 'Gemiste bestellingen',
  'reach.catchUp.intro':
    'WooCommerce stuurt een mislukte levering nooit opnieuw (Comptoir gesloten, computer in slaapstand). Comptoir vraagt de winkel daarom de bestellingen die gewijzigd zijn sinds de laatste die het kent: bij de start, wanneer het publieke adres terug is, en geregeld.',
  'reach.catchUp.last':
    'Laatste inhaalronde: {at} — {count} {count|bestelling|bestellingen} opgehaald.',
  'reach.catchUp.never': 'Er is nog geen inhaalronde geweest.',
  'reach.catchUp.failedAt': 'De laatste poging is mislukt ({at}):',
  'reach.catchUp.failed': 'De laatste poging is mislukt:',
  'reach.catchUp.button': 'Nu inhalen',
  'reach.catchUp.running': 'Bezig met inhalen…',
  'reach.catchUp.needsKey':
    'De inhaalronde heeft het adres van de winkel en een REST API-sleutel nodig (zie “De winkel koppelen”).',
  'reach.catchUp.interval': 'Elke (minuten)',
  'reach.catchUp.intervalHelp': 'Van 1 tot 1440; standaard 10.',

  'reach.manualSetup.title': 'Handmatig instellen (zonder API-sleutel)',
  'reach.manualSetup.intro': 'U kunt de twee webhooks ook zelf aanmaken in WooCommerce.',

  'activity.title': 'Activiteit',
  'activity.log': 'Activiteitenlogboek',
  'activity.empty': 'Er is nog niets gebeurd.',
  'activity.col.at': 'Tijd',
  'activity.col.level': 'Niveau',
  'activity.col.message': 'Gebeurtenis',
  'level.info': 'Info',
  'level.warning': 'Waarschuwing',
  'level.error': 'Fout',
  'failed.title': 'Mislukte leveringen',
  'failed.intro':
    'Correct ondertekende leveringen die niet als bestelling gelezen konden worden. Ze worden bewaard zodat er niets verloren gaat.',
  'failed.empty': 'Geen mislukte leveringen.',
  'failed.topic': 'Onderwerp',
  'failed.shop': 'Winkel',
  'failed.webhook': 'Webhook',
  'failed.reason': 'Reden',
  'failed.preview': 'Begin van de inhoud ({size})',

  'nav.documents': 'Documenten',
  'nav.stock': 'Voorraad',
  'nav.settings': 'Instellingen',

  'error.documents': 'De documenten konden niet worden geladen',
  'error.document': 'Het document kon niet worden geopend',
  'error.finalize': 'Het document kon niet definitief worden gemaakt',
  'error.markPaid': 'Het document kon niet als betaald worden gemarkeerd',
  'error.delete': 'Het concept kon niet worden verwijderd',
  'error.stock': 'De voorraad kon niet worden geladen',
  'error.ledger': 'Het voorraadregister kon niet worden geladen',
  'error.settings': 'De instellingen konden niet worden geladen',

  'kind.invoice': 'Factuur',
  'kind.credit_note': 'Creditnota',
  'kind.order_form': 'Bestelbon',
  'kind.delivery_note': 'Leveringsbon',
  'docState.concept': 'Concept',
  'docState.final': 'Definitief',
  'docState.sent': 'Verzonden',
  'docState.cancelled': 'Geannuleerd',
  'lineKind.shipping': 'Verzending',
  'lineKind.fee': 'Toeslag',

  'documents.title': 'Documenten',
  'documents.countOne': '1 document',
  'documents.countMany': '{n} documenten',
  'documents.paid': 'Betaald',
  'documents.unpaid': 'Niet betaald',
  'documents.filters': 'Filters',
  'documents.filter.kind': 'Soort',
  'documents.filter.state': 'Status',
  'documents.filter.payment': 'Betaling',
  'documents.filter.allKinds': 'Alle soorten',
  'documents.filter.allStates': 'Alle statussen',
  'documents.filter.allPayments': 'Betaald of niet',
  'documents.filter.clear': 'Alle documenten tonen',
  'documents.col.number': 'Nummer',
  'documents.col.kind': 'Soort',
  'documents.col.order': 'Bestelling',
  'documents.col.customer': 'Klant',
  'documents.col.total': 'Totaal',
  'documents.col.state': 'Status',
  'documents.col.payment': 'Betaling',
  'documents.concept': 'Concept',
  'documents.noPrices': 'Een leveringsbon toont geen prijzen',
  'documents.empty.title': 'Nog geen documenten',
  'documents.empty.filteredTitle': 'Geen enkel document past bij deze filters',
  'documents.empty.rule':
    'Elke bestelling wordt {kind} {when}. De documenten verschijnen hier vanzelf.',
  'documents.empty.goSettings': 'Instellingen openen',
  'documents.article.invoice': 'een factuur',
  'documents.article.order_form': 'een bestelbon',
  'documents.article.delivery_note': 'een leveringsbon',
  'documents.when.created': 'zodra ze geplaatst is',
  'documents.when.paid': 'zodra de betaling binnen is',
  'documents.when.processing': 'wanneer ze in behandeling gaat',
  'documents.when.completed': 'wanneer ze afgerond is',

  'document.loadingTitle': 'Document',
  'document.title': '{kind} {number}',
  'document.conceptTitle': '{kind} (concept)',
  'document.close': 'Het document sluiten',
  'document.paidByHand': 'Door u als betaald gemarkeerd',
  'document.actions': 'Wat u met dit document kunt doen',
  'document.finalizing': 'Bezig…',
  'document.markPaid': 'Als betaald markeren',
  'document.markingPaid': 'Bezig…',
  'document.delete': 'Concept verwijderen',
  'document.deleting': 'Verwijderen…',
  'document.confirmDelete':
    'Dit concept verwijderen? Comptoir maakt het niet opnieuw voor deze bestelling, en de voorraad die het nam, komt terug.',
  'document.confirmDeleteYes': 'Ja, verwijderen',
  'document.confirmDeleteNo': 'Behouden',
  'document.finalizeNumbered':
    'Bij het definitief maken krijgt de factuur haar nummer, het volgende, zonder gaten. Een definitieve factuur kan niet meer worden verwijderd, alleen gecorrigeerd met een creditnota.',
  'document.finalizeOther': 'Definitief maken markeert het document als klaar; het houdt zijn nummer.',
  'document.customerNote': 'Opmerking van de klant (bovenaan gedrukt)',
  'document.order': 'Bestelling',
  'document.customer': 'Klant',
  'document.customerVat': 'Btw-nummer van de klant',
  'document.language': 'Taal',
  'document.created': 'Gemaakt op',
  'document.finalized': 'Definitief op',
  'document.refund': 'WooCommerce-terugbetaling',
  'document.lines': 'Regels',
  'document.col.sku': 'Artikelnr.',
  'document.col.description': 'Omschrijving',
  'document.col.qty': 'Aantal',
  'document.col.unitPrice': 'Eenheidsprijs excl. btw',
  'document.col.discount': 'Korting',
  'document.col.vatRate': 'Btw %',
  'document.col.total': 'Totaal excl. btw',
  'document.col.base': 'Basis excl. btw',
  'document.col.vat': 'Btw',
  'document.noPricesNote':
    'Een leveringsbon gaat mee in het pakket: hij vermeldt de artikelen en aantallen, zonder prijzen.',
  'document.vatSummary': 'Btw per tarief',
  'document.totalExcl': 'Totaal excl. btw',
  'document.structured': 'Gestructureerde mededeling',
  'document.structuredHint':
    'De klant vermeldt ze bij de overschrijving, zodat de betaling aan deze factuur gekoppeld kan worden.',
  'document.legend': 'Vermelding (onderaan gedrukt)',
  'document.internalNote': 'Interne notitie',
  'document.internalNoteHint': 'Alleen voor u: ze wordt nooit gedrukt of verstuurd.',

  'stock.title': 'Voorraad',
  'stock.intro':
    'Producten verschijnen hier de eerste keer dat een bestelling ze bevat (per artikelnummer). Hun voorraad blijft onbekend tot u ze invult; daarna verlagen facturen ze en zetten creditnota’s ze terug. Comptoir wijzigt de voorraad in WooCommerce niet.',
  'stock.products': 'Producten',
  'stock.col.sku': 'Artikelnr.',
  'stock.col.name': 'Product',
  'stock.col.stock': 'In voorraad',
  'stock.col.ledgerTotal': 'Totaal van het register',
  'stock.col.set': 'Voorraad invullen',
  'stock.col.at': 'Wanneer',
  'stock.col.change': 'Wijziging',
  'stock.col.reason': 'Reden',
  'stock.col.document': 'Document',
  'stock.ledgerTotalHint': 'De som van alle bewegingen in het register hieronder',
  'stock.unknown': 'Onbekend',
  'stock.unknownHint': 'Nog niet ingevuld: typ de hoeveelheid die u hebt en klik op Opslaan.',
  'stock.mismatchHint': 'De voorraad verschilt van de som van het register.',
  'stock.setLabel': 'Nieuwe voorraad van {sku}',
  'stock.set': 'Opslaan',
  'stock.showMovements': 'Bewegingen tonen',
  'stock.showAllMovements': 'Alle bewegingen tonen',
  'stock.empty.title': 'Nog geen producten',
  'stock.empty.body':
    'Een product wordt hier toegevoegd de eerste keer dat een bestelregel met een artikelnummer binnenkomt. Regels zonder artikelnummer worden niet geteld.',
  'stock.ledger': 'Register',
  'stock.ledgerIntro':
    'Elke voorraadwijziging, de nieuwste eerst: gemaakte of verwijderde documenten, en uw eigen correcties.',
  'stock.ledgerFilter': 'Product',
  'stock.allProducts': 'Alle producten',
  'stock.noMovements': 'Nog geen voorraadbewegingen.',
  'stock.noMovementsFor': 'Nog geen voorraadbewegingen voor {sku}.',
  'stock.documentLink': 'Document {id}',
  'stock.byOwner': 'Door u ingevuld',

  'settings.title': 'Instellingen',
  'settings.intro':
    'Hoe uw bestellingen documenten worden en wat die documenten vermelden. Elk veld wordt gecontroleerd terwijl u typt en apart opgeslagen wanneer u het verlaat; een keuze wordt meteen opgeslagen.',
  'settings.sections': 'Onderdelen',
  'settings.saved': 'Opgeslagen',
  'settings.saving': 'Opslaan…',
  'settings.checking': 'Controleren…',
  'settings.notSaved': 'Nog niet opgeslagen: dat gebeurt wanneer u het veld verlaat (of op Enter drukt).',
  'settings.notSavedKept': 'Niet opgeslagen: de vorige waarde blijft gelden.',
  'settings.revert': 'De vorige waarde terugzetten',
  'settings.placeholders': 'Invulvelden',
  'settings.insert': 'Invoegen:',
  'settings.placeholdersHint':
    'Klik in een tekst: de invulvelden die u kunt invoegen verschijnen eronder, en Comptoir vult ze in voor elk document.',
  'placeholder.order_number': 'Het bestelnummer in WooCommerce',
  'placeholder.document_number': 'Het nummer van het document',
  'placeholder.customer_name': 'De naam van de klant',
  'placeholder.total': 'Het te betalen bedrag, met de munt',
  'placeholder.structured_communication': 'De gestructureerde mededeling van de factuur (+++…+++)',
  'placeholder.shop_name': 'De naam van uw winkel',

  'settings.documents.title': 'Documenten',
  'settings.documents.intro': 'Welk document Comptoir voor elke bestelling maakt, en wanneer.',
  'settings.documents.later':
    'Een wijziging geldt voor de volgende bestellingen. Documenten die al gemaakt zijn, blijven zoals ze zijn.',
  'settings.kind.label': 'Elke bestelling wordt',
  'settings.kind.invoice.name': 'Factuur',
  'settings.kind.invoice.help':
    'het document met btw voor uw boekhouding. Ze blijft een concept tot u ze definitief maakt; dan krijgt ze haar nummer, zonder gaten.',
  'settings.kind.order_form.name': 'Bestelbon',
  'settings.kind.order_form.help':
    'bevestigt de klant wat besteld werd en wat het kost. Genummerd zodra hij gemaakt is.',
  'settings.kind.delivery_note.name': 'Leveringsbon',
  'settings.kind.delivery_note.help':
    'gaat mee in het pakket: de artikelen en aantallen, zonder prijzen. Genummerd zodra hij gemaakt is.',
  'settings.trigger.label': 'Maken wanneer de bestelling…',
  'settings.trigger.created.name': 'Geplaatst',
  'settings.trigger.created.help': 'zodra de bestelling geplaatst is.',
  'settings.trigger.paid.name': 'Betaald',
  'settings.trigger.paid.help':
    'wanneer de betaling binnen is: meteen bij online betalingen, bij overschrijvingen wanneer u de bestelling in behandeling zet, bij betaling onder rembours pas bij het afronden.',
  'settings.trigger.processing.name': 'In behandeling',
  'settings.trigger.processing.help':
    'wanneer de bestelling in behandeling gaat (online betaald, een overschrijving die u bevestigde, of rembours in voorbereiding, nog niet betaald).',
  'settings.trigger.completed.name': 'Afgerond',
  'settings.trigger.completed.help': 'wanneer u de bestelling afrondt (verzonden of overhandigd).',
  'settings.autoEmail.label': 'Versturen',
  'settings.autoEmail.tick': 'Elk document meteen definitief maken en naar de klant mailen',
  'settings.autoEmail.help':
    'Zonder deze optie wacht elk document als concept, zodat u het eerst kunt nakijken.',

  'settings.languages.title': 'Talen',
  'settings.defaultLanguage.label': 'De taal van uw winkel',
  'settings.defaultLanguage.help':
    'De taal van alle documenten wanneer ze de taal van de klant niet volgen, en van klanten bij wier land “taal van de winkel” staat.',
  'settings.multilingual.label': 'Taal van de klant',
  'settings.multilingual.tick': 'Elk document in de taal van de klant opstellen',
  'settings.multilingual.help':
    'Comptoir neemt de taal waarin de bestelling geplaatst werd (WPML of Polylang); zonder die taal beslist het factuurland hieronder.',
  'settings.countries.label': 'Taal per factuurland',
  'settings.countries.help':
    'Voor bestellingen die hun taal niet vermelden. Een land dat niet in de lijst staat, krijgt de taal van “Alle andere landen”.',
  'settings.countries.unused': 'Alleen gebruikt wanneer documenten de taal van de klant volgen.',
  'settings.countries.country': 'Land',
  'settings.countries.code': 'Landcode (twee letters, bv. BE)',
  'settings.countries.language': 'Taal',
  'settings.countries.languageFor': 'Taal voor {country}',
  'settings.countries.default': 'Taal van de winkel',
  'settings.countries.others': 'Alle andere landen',
  'settings.countries.add': 'Een land toevoegen',
  'settings.countries.remove': 'Verwijderen',
  'settings.countries.removeOne': '{country} verwijderen',

  'settings.numbering.title': 'Nummering',
  'settings.numbering.intro':
    'Hoe nummers eruitzien: {year} wordt het jaar en {seq} de teller; {seq:04} schrijft de teller op minstens 4 cijfers (0007).',
  'settings.numbering.when':
    'Facturen en creditnota’s krijgen hun nummer wanneer u ze definitief maakt, na elkaar en zonder gaten. Bestelbonnen en leveringsbonnen krijgen het hunne wanneer ze gemaakt worden. Facturen en creditnota’s delen nooit een teller met bestelbonnen of leveringsbonnen.',
  'settings.numbering.pattern': 'Patroon',
  'settings.numbering.next': 'Volgende teller',
  'settings.numbering.reset': 'Nieuw jaar',
  'settings.numbering.resetTick': 'Op 1 januari opnieuw bij 1 beginnen (het patroon heeft dan {year} nodig)',
  'settings.numbering.example': 'Het volgende nummer wordt',
  'settings.numbering.nextHelp':
    'De volgende teller kan niet lager dan een al gegeven nummer: een nummer wordt nooit twee keer gebruikt.',
  'settings.series.invoice': 'Facturen',
  'settings.series.credit_note': 'Creditnota’s',
  'settings.series.order_form': 'Bestelbonnen',
  'settings.series.delivery_note': 'Leveringsbonnen',

  'settings.shop.title': 'Uw winkel',
  'settings.shop.intro': 'Op elk document gedrukt. De nummers worden gecontroleerd terwijl u typt.',
  'settings.shop.name': 'Naam',
  'settings.shop.address': 'Adres',
  'settings.shop.addressHelp': 'Zoals gedrukt: één regel per regel.',
  'settings.shop.vat': 'Btw-nummer',
  'settings.shop.vatHelp': 'Bijvoorbeeld BE0123456749.',
  'settings.shop.enterprise': 'Ondernemingsnummer (KBO)',
  'settings.shop.enterpriseHelp': 'Bijvoorbeeld 0123.456.749.',
  'settings.shop.iban': 'IBAN',
  'settings.shop.ibanHelp': 'De rekening waarop uw klanten betalen, bv. BE68 5390 0754 7034.',
  'settings.shop.bic': 'BIC',
  'settings.shop.bicHelp': 'De code van uw bank, 8 of 11 tekens, bv. GKCCBEBB.',
  'settings.shop.email': 'E-mail',
  'settings.shop.phone': 'Telefoon',
  'settings.shop.logo': 'Logo',
  'settings.shop.logoHelp':
    'Het volledige pad van een PNG- of JPEG-bestand op deze computer, bv. /home/ik/logo.png. Leeg laten als er geen is.',

  'settings.legends.title': 'Vermeldingen',
  'settings.legends.intro':
    'De zin onderaan elk document, in de taal van het document: één voor documenten die al betaald zijn, één voor documenten die nog betaald moeten worden.',
  'settings.legends.paid': 'Wanneer het document betaald is',
  'settings.legends.unpaid': 'Wanneer het document nog niet betaald is',

  'settings.emails.title': 'E-mailteksten',
  'settings.emails.intro':
    'De e-mail die een document naar de klant brengt, in de taal van het document, voor een betaald of een onbetaald document.',
  'settings.emails.paid': 'Betaald document',
  'settings.emails.unpaid': 'Onbetaald document',
  'settings.emails.subject': 'Onderwerp',
  'settings.emails.body': 'Bericht',

  'error.send': 'De documenten konden niet worden verzonden',
  'error.outbox': 'Het postvak uit kon niet worden geladen',
  'error.todaysNotes': 'De leveringsbonnen van vandaag konden niet worden geladen',

  'documents.views': 'Weergave',
  'documents.view.list': 'Documenten',
  'documents.view.outbox': 'Postvak uit',

  'bulk.label': 'Aangevinkte documenten',
  'bulk.hint': 'Vink documenten aan om er meerdere tegelijk te verzenden of af te drukken.',
  'bulk.ticked': '{n} aangevinkt',
  'bulk.tickAll': 'Alle documenten in de lijst aanvinken',
  'bulk.tickOne': '{name} aanvinken',
  'bulk.send': 'Per e-mail verzenden ({n})',
  'bulk.nothingToSend': 'De aangevinkte documenten zijn al verzonden of wachten op verzending.',
  'bulk.print': 'Afdrukken ({n})',
  'bulk.clear': 'Alles uitvinken',
  'bulk.confirmOne': 'Het aangevinkte document per e-mail naar het factuuradres van de klant sturen?',
  'bulk.confirmMany':
    'Deze {n} documenten per e-mail verzenden, elk naar het factuuradres van de klant?',
  'bulk.confirmNumbered':
    'Concepten worden eerst definitief gemaakt: facturen en creditnota’s krijgen hun nummer en kunnen niet meer worden verwijderd.',
  'bulk.leftOut': '{n} aangevinkte document(en) al verzonden of wachtend: die worden overgeslagen.',
  'bulk.confirmYes': 'Ja, verzenden',
  'bulk.queuedOne': 'Het document staat in het postvak uit; het vertrekt zo meteen.',
  'bulk.queuedMany': '{n} documenten staan in het postvak uit; ze vertrekken zo meteen.',
  'bulk.seeOutbox': 'Postvak uit bekijken',

  'review.send': 'Per e-mail verzenden',
  'review.sendAgain': 'Opnieuw verzenden',
  'review.sending': 'Verzenden…',
  'review.confirmSend': 'Dit document naar {to} sturen?',
  'review.confirmSendNumbered':
    'Het wordt eerst definitief gemaakt: het krijgt zijn nummer en kan niet meer worden verwijderd, alleen gecorrigeerd met een creditnota.',
  'review.confirmSendConcept': 'Het wordt eerst definitief gemaakt.',
  'review.confirmSendYes': 'Ja, verzenden',
  'review.confirmSendNo': 'Niet nu',
  'review.finalize': 'Definitief maken zonder verzenden',
  'review.finalizeHint': 'Om het af te drukken of zelf te versturen.',
  'review.noRecipient':
    'De bestelling heeft geen e-mailadres voor de facturatie: druk het document af of verstuur het zelf.',
  'review.smtpMissing':
    'E-mail is nog niet ingesteld: het document wacht in het postvak uit tot de mailserver en de afzender zijn ingevuld.',
  'review.openSettings': 'Instellingen openen',
  'review.queued': 'In het postvak uit: het vertrekt zo meteen.',
  'review.customerNoteHint':
    'Bovenaan het document afgedrukt, voor de klant. De opmerking van de klant uit WooCommerce staat er al in; pas ze aan zoals u wilt.',
  'review.noCustomerNote': 'Geen.',
  'review.preview': 'Zoals het wordt afgedrukt',
  'review.email': 'De e-mail zoals de klant hem ziet',
  'review.emailSent': 'De e-mail zoals hij is verzonden',
  'review.content': 'Inhoud',

  'preview.loading': 'Voorbeeld wordt voorbereid…',
  'preview.updating': 'Bijwerken…',
  'preview.pageOne': '1 pagina',
  'preview.pageMany': '{n} pagina’s',
  'preview.pageOf': 'Pagina {n} van {total}',
  'preview.failed': 'Het voorbeeld kon niet worden gemaakt:',

  'email.from': 'Van',
  'email.to': 'Aan',
  'email.subject': 'Onderwerp',
  'email.attachment': 'Bijlage',
  'email.noRecipient': 'Geen e-mailadres in de bestelling',
  'email.numberedLater':
    'Het nummer wordt gegeven wanneer het document definitief wordt gemaakt of verzonden: het onderwerp, de tekst en de bestandsnaam bevatten het dan.',
  'email.failed': 'De e-mail kon niet worden getoond:',

  'mail.badge.queued': 'E-mail wacht',
  'mail.badge.retrying': 'E-mail vertraagd',
  'mail.badge.sending': 'E-mail wordt verzonden',
  'mail.badge.sent': 'Gemaild',
  'mail.badge.failed': 'E-mail mislukt',
  'mail.waiting': 'Wacht in het postvak uit; vertrekt zo meteen.',
  'mail.sendingNow': 'Wordt nu verzonden…',
  'mail.sentTo': 'Verzonden naar {to} op',
  'mail.serverAnswer': 'Antwoord van de mailserver',
  'mail.attempts': '{n} poging(en)',
  'mail.advice.retry':
    'Comptoir probeert het opnieuw om {at} en blijft het minstens 24 uur proberen. Niets te doen, tenzij het blijft duren.',
  'mail.advice.gaveUp':
    'Comptoir is na 24 uur gestopt met proberen. Controleer de e-mailinstellingen en de internetverbinding (Instellingen → E-mail verzenden, “Test-e-mail verzenden”) en verzend het dan opnieuw.',
  'mail.advice.refused':
    'De mailserver heeft hem geweigerd, dus Comptoir probeert het niet opnieuw. Verbeter wat hij noemt en verzend hem opnieuw, of druk het document af en geef het zelf af.',

  'outbox.intro':
    'Elk document dat per e-mail is verstuurd, nieuwste eerst: wachtend, verzonden met het antwoord van de mailserver, of mislukt met de reden. Klik op een rij om het document te openen.',
  'outbox.col.document': 'Document',
  'outbox.col.to': 'Aan',
  'outbox.col.state': 'Status',
  'outbox.col.when': 'Wanneer',
  'outbox.col.details': 'Antwoord van de server of fout',
  'outbox.queuedAt': 'In de wachtrij',
  'outbox.sentAt': 'Verzonden',
  'outbox.nextAt': 'Volgende poging',
  'outbox.failedCount': '{n} e-mail(s) mislukt',
  'outbox.waitingCount': '{n} e-mail(s) wachtend',
  'outbox.empty.title': 'Nog geen e-mail',
  'outbox.empty.body':
    'Documenten die u vanuit hun controle verzendt, of die Comptoir zelf verzendt wanneer automatisch mailen aan staat, verschijnen hier.',

  'print.label': 'Afdrukken',
  'print.printer': 'Printer',
  'print.refresh': 'Opnieuw naar printers zoeken',
  'print.noPrinter':
    'Er is geen printer ingesteld op deze computer: voeg er een toe in de systeeminstellingen.',
  'print.noPrinterChosen': 'Kies eerst een printer',
  'print.print': 'Afdrukken',
  'print.finalizes': 'Afdrukken maakt het concept definitief.',
  'print.finalizesNumbered':
    'Afdrukken maakt het concept definitief: het krijgt zijn nummer en kan niet meer worden verwijderd.',
  'print.today': 'Alle leveringsbonnen van vandaag afdrukken ({n})',
  'print.todayNone': 'Vandaag is er geen leveringsbon gemaakt.',
  'print.todayHint': 'In één afdruktaak, in de volgorde waarin ze zijn gemaakt.',
  'print.preparing': '{done} van {total} voorbereiden…',
  'print.doneOne': 'Naar {printer} gestuurd (taak {job}).',
  'print.doneMany': '{n} documenten in één taak naar {printer} gestuurd ({job}).',
  'print.failed': 'Niet afgedrukt:',

  'note.save': 'Opslaan',
  'note.notSaved':
    'Nog niet opgeslagen: de notitie wordt opgeslagen wanneer u het veld verlaat (of met Ctrl+Enter).',

  'placeholder.document_date': 'De datum van het document (DD/MM/JJJJ)',

  'settings.smtp.title': 'E-mail verzenden',
  'settings.smtp.intro':
    'De mailserver die uw documenten naar uw klanten brengt. Uw e-mailprovider geeft deze waarden (zoek naar “SMTP” of “uitgaande mail”).',
  'settings.smtp.host': 'Mailserver (SMTP)',
  'settings.smtp.hostHelp': 'Bijvoorbeeld smtp.example.be.',
  'settings.smtp.port': 'Poort',
  'settings.smtp.portHelp': 'Meestal 587 met STARTTLS, 465 met TLS.',
  'settings.smtp.security': 'Beveiliging',
  'settings.smtp.securityHelp':
    'Hoe de verbinding beveiligd is; uw provider zegt welke. “Geen” is alleen voor een relay op deze computer of uw eigen netwerk.',
  'settings.smtp.security.starttls': 'STARTTLS (poort 587)',
  'settings.smtp.security.tls': 'TLS (poort 465)',
  'settings.smtp.security.none': 'Geen (alleen lokale relay)',
  'settings.smtp.user': 'Gebruikersnaam',
  'settings.smtp.userHelp': 'Vaak uw e-mailadres. Leeg laten als de server er geen vraagt.',
  'settings.smtp.password': 'Wachtwoord',
  'settings.smtp.passwordKeep': 'Typ een nieuw wachtwoord om het te vervangen',
  'settings.smtp.passwordStored':
    'Er is een wachtwoord opgeslagen. Het wordt nooit getoond; typ een nieuw om het te vervangen.',
  'settings.smtp.passwordNone': 'Geen wachtwoord opgeslagen.',
  'settings.smtp.passwordRemove': 'Verwijderen',
  'settings.smtp.passwordSaved': 'Wachtwoord opgeslagen',
  'settings.smtp.passwordRemoved': 'Wachtwoord verwijderd',
  'settings.smtp.from': 'Afzender',
  'settings.smtp.fromHelp': 'De naam en het adres van uw winkel, bv. Le Comptoir <boutique@example.be>.',
  'settings.smtp.replyTo': 'Antwoorden naar',
  'settings.smtp.replyToHelp':
    'Waar de antwoorden van uw klanten naartoe gaan, als dat niet de afzender is. Optioneel.',
  'settings.smtp.copyTo': 'Kopie naar',
  'settings.smtp.copyToHelp': 'Een adres van u dat een kopie van elke e-mail krijgt. Optioneel.',
  'settings.test.title': 'Instellingen controleren',
  'settings.test.label': 'Een test-e-mail sturen naar',
  'settings.test.button': 'Test-e-mail verzenden',
  'settings.test.sending': 'Verzenden…',
  'settings.test.help':
    'Hij gebruikt de instellingen zoals hierboven opgeslagen en zegt precies wat de mailserver antwoordde.',
  'settings.test.sent': 'De test-e-mail naar {to} is aanvaard.',
  'settings.test.answer': 'Antwoord van de mailserver:',
  'settings.test.failed': 'Niet verzonden:',
  'settings.woo.title': 'WooCommerce verstuurt ook zijn eigen e-mails',
  'settings.woo.body':
    'WooCommerce mailt uw klanten wanneer een bestelling in behandeling of afgerond is. Als Comptoir de documenten ook mailt, krijgt een klant twee e-mails voor één bestelling. Om alleen die van Comptoir te houden:',
  'settings.woo.step1': 'Open in het WordPress-beheer WooCommerce → Instellingen → E-mails.',
  'settings.woo.step2':
    'Klik op de e-mail aan de klant die die van Comptoir verdubbelt, bv. “Bestelling in behandeling” of “Bestelling afgerond”.',
  'settings.woo.step3':
    'Vink “Deze e-mailmelding inschakelen” uit en klik op “Wijzigingen opslaan”.',
  'settings.woo.keep':
    'Laat “Nieuwe bestelling” aan: die gaat naar u, niet naar de klant. De namen volgen de taal van uw WordPress-beheer.',

  // Sentences from the core, by code (comptoir_core::message).
  'msg.check.iban.empty':
    'Het IBAN is leeg: typ het rekeningnummer zoals uw bank het vermeldt, bv. BE68 5390 0754 7034.',
  'msg.check.iban.characters':
    '{value} is geen geldig IBAN: het bevat alleen letters, cijfers en spaties.',
  'msg.check.iban.start':
    '{value} is geen geldig IBAN: het begint met de landcode van twee letters en twee controlecijfers, bv. BE68.',
  'msg.check.iban.country_length':
    '{value} is geen geldig IBAN: een IBAN dat met {country} begint, telt {expected} tekens, dit telt er {actual}. Vergelijk het met uw rekeninguittreksel.',
  'msg.check.iban.length':
    '{value} is geen geldig IBAN: een IBAN telt 15 tot 34 tekens, dit telt er {actual}. Vergelijk het met uw rekeninguittreksel.',
  'msg.check.iban.check_digits':
    '{value} is geen geldig IBAN: de controlecijfers kloppen niet met het rekeningnummer. Kijk het na op een tikfout.',
  'msg.check.bic':
    '{value} is geen geldige BIC: die telt 8 of 11 tekens, 4 letters voor de bank, 2 letters voor het land en dan letters of cijfers, bv. GEBABEBB of GKCCBEBB.',
  'msg.check.enterprise.shape':
    '{value} is geen geldig Belgisch ondernemingsnummer: het telt 10 cijfers, bv. 0123.456.749.',
  'msg.check.enterprise.length':
    '{value} is geen geldig Belgisch ondernemingsnummer: het telt 10 cijfers, bv. 0123.456.749, en dit telt er {actual}.',
  'msg.check.enterprise.start':
    '{value} is geen geldig Belgisch ondernemingsnummer: het begint met 0 of 1.',
  'msg.check.enterprise.checksum':
    '{value} is geen geldig Belgisch ondernemingsnummer: de laatste twee cijfers kloppen niet met de eerste acht (modulo 97-controle). Vergelijk het met de Kruispuntbank van Ondernemingen.',
  'msg.check.vat.be_shape':
    '{value} is geen geldig Belgisch btw-nummer: het is BE gevolgd door 10 cijfers, bv. BE0123456749.',
  'msg.check.vat.be_length':
    '{value} is geen geldig Belgisch btw-nummer: het is BE gevolgd door 10 cijfers, bv. BE0123456749, en dit telt er {actual}.',
  'msg.check.vat.be_start':
    '{value} is geen geldig Belgisch btw-nummer: na BE begint het met 0 of 1.',
  'msg.check.vat.be_checksum':
    '{value} is geen geldig Belgisch btw-nummer: de laatste twee cijfers kloppen niet met de eerste acht (modulo 97-controle). Vergelijk het met uw btw-documenten.',
  'msg.check.vat.prefix':
    '{value} is geen geldig btw-nummer: het begint met de landcode, bv. BE0123456749.',
  'msg.check.vat.country':
    '{value} is geen geldig btw-nummer: {country} is niet de code van een EU-land met btw-nummers (BE, NL, FR, LU, DE …).',
  'msg.check.vat.greece':
    '{value} is geen geldig btw-nummer: {country} is niet de code van een EU-land met btw-nummers. Griekse btw-nummers beginnen met EL.',
  'msg.check.vat.shape':
    '{value} is geen geldig btw-nummer: een btw-nummer dat met {country} begint, ziet eruit als {example}.',
  'msg.check.email.empty': 'Het e-mailadres is leeg: typ er een zoals naam@voorbeeld.be.',
  'msg.check.email.too_long':
    'Dit e-mailadres is langer dan de 254 tekens die mailservers aanvaarden: gebruik een korter adres.',
  'msg.check.email.invalid':
    '{value} is geen geldig e-mailadres: het ziet eruit als naam@voorbeeld.be, zonder spaties.',
  'msg.template.unknown':
    'De tekst gebruikt {name}, dat Comptoir niet kent. Deze invulvelden kunt u gebruiken: {known}.',
  'msg.template.empty':
    'De tekst bevat lege accolades {} bij teken {position}. Zet er een invulveld in ({known}), of schrijf {{ en }} voor gewone accolades.',
  'msg.template.unclosed':
    'De accolade { bij teken {position} wordt nergens gesloten. Sluit ze met } na de naam van het invulveld ({known}), of schrijf {{ voor een gewone accolade.',
  'msg.template.lone_close':
    'De accolade } bij teken {position} sluit niets af. Verwijder ze, of schrijf }} voor een gewone accolade.',
  'msg.document.missing': 'Document {id} bestaat niet; misschien werd het verwijderd. Laad de lijst opnieuw.',
  'msg.document.cancelled_not_payable': 'Document {id} is geannuleerd; het kan niet als betaald worden gemarkeerd.',
  'msg.document.delete_final':
    'Document {id} is geen concept meer; alleen concepten kunnen worden verwijderd. Een definitieve factuur corrigeert u met een creditnota.',
  'msg.document.note_too_long': 'Houd de interne notitie onder {max} tekens.',
  'msg.document.already_sent': 'Document {id} werd al gemaild; het wordt geen tweede keer verstuurd.',
  'msg.document.cannot_send': 'Document {id} is geannuleerd; het kan niet worden verstuurd.',
  'msg.document.nothing_to_print': 'Er is niets om af te drukken: vink eerst de documenten aan.',
  'msg.document.note_final':
    'Document {id} is geen concept meer; de notitie voor de klant kan niet meer worden gewijzigd.',
  'msg.stock.quantity': 'De voorraad van {sku} moet een getal zijn, zoals 12 of 2,5 (niet “{value}”).',
  'msg.stock.unknown_sku':
    'Er is geen product met SKU {sku}. Producten verschijnen hier zodra een bestelling ze bevat.',
  'msg.setting.unknown_key': 'Onbekende instelling “{key}”. Bekende instellingen: {known}.',
  'msg.setting.secret':
    'Het webhookgeheim telt 12 tot 255 tekens: letters, cijfers en - _ . ~ ! * + = @ # $ % ^ ( ) [ ] { } : ; , ? / | (geen spaties, geen & < > " \').',
  'msg.setting.port': 'De poort is een geheel getal van 1024 tot 65535.',
  'msg.setting.public_url.https':
    'WooCommerce levert alleen aan een publiek https://-adres: typ er een, of laat het veld leeg.',
  'msg.setting.public_url.shape':
    'Geef het adres als https://server of https://server/pad, zonder gebruikersnaam, zoekopdracht (?…) of fragment (#…).',
  'msg.setting.one_of': 'Kies een van: {allowed}.',
  'msg.setting.bool': 'Schrijf true (ja) of false (nee).',
  'msg.setting.text_too_long': 'Blijf onder de {max} tekens.',
  'msg.setting.logo.extension':
    'Het logo is een .png-, .jpg- of .jpeg-bestand: kies een afbeelding in een van die formaten.',
  'msg.setting.logo.missing':
    'Het bestand {path} bestaat niet: controleer het pad, of kies het bestand opnieuw.',
  'msg.setting.number_pattern':
    'Gebruik {year} en één {seq} (of {seq:04} voor minstens 4 cijfers), met letters, cijfers, - / . _ eromheen, bv. F{year}-{seq:04}.',
  'msg.setting.positive_int': 'Typ een geheel getal, vanaf 1.',
  'msg.setting.host': 'Typ een servernaam zoals smtp.voorbeeld.be (letters, cijfers, - en .).',
  'msg.setting.any_port':
    'De poort is een getal van 1 tot 65535, meestal 587 (STARTTLS), 465 (TLS) of 25.',
  'msg.setting.password': 'Het wachtwoord past op één regel en telt minder dan 1024 tekens.',
  'msg.setting.minutes': 'Typ een geheel aantal minuten, van 1 tot 1440.',
  'msg.setting.country_map.entry':
    '“{entry}” is geen paar van land en taal: schrijf ze als FR=fr, gescheiden door komma’s, met * voor alle andere landen.',
  'msg.setting.country_map.country':
    '“{country}” is geen landcode: gebruik de code van twee letters die WooCommerce gebruikt, zoals BE of NL, of * voor alle andere landen.',
  'msg.setting.country_map.language':
    'Comptoir schrijft niet in “{language}”: gebruik fr, nl, en, of default voor de standaardtaal van de winkel.',
  'msg.setting.country_map.duplicate':
    '{country} staat twee keer in de landenlijst: houd er maar één taal voor.',
  'msg.setting.shop_url.not_https':
    'Het winkeladres “{url}” moet met https:// beginnen: WooCommerce aanvaardt API-sleutels alleen via HTTPS (http:// mag voor 127.0.0.1 en localhost, voor tests). Typ het adres van de startpagina van de winkel zoals uw browser het toont, bv. https://mijnwinkel.be.',
  'msg.setting.shop_url.not_address':
    '“{url}” is geen winkeladres: het is geen webadres. Typ het adres van de startpagina van de winkel zoals uw browser het toont, bv. https://mijnwinkel.be.',
  'msg.setting.shop_url.no_scheme':
    '“{url}” is geen winkeladres: het begint niet met https://. Typ het adres van de startpagina van de winkel zoals uw browser het toont, bv. https://mijnwinkel.be.',
  'msg.setting.shop_url.no_host':
    '“{url}” is geen winkeladres: de naam van de site ontbreekt. Typ het adres van de startpagina van de winkel zoals uw browser het toont, bv. https://mijnwinkel.be.',
  'msg.setting.shop_url.user':
    '“{url}” is geen winkeladres: het bevat een gebruikersnaam; de API-sleutel hoort in zijn eigen velden. Typ het adres van de startpagina van de winkel zoals uw browser het toont, bv. https://mijnwinkel.be.',
  'msg.setting.shop_url.query':
    '“{url}” is geen winkeladres: het bevat een zoekopdracht (?…) of een fragment (#…). Typ het adres van de startpagina van de winkel zoals uw browser het toont, bv. https://mijnwinkel.be.',
  'msg.setting.shop_url.wordpress':
    '“{url}” is geen winkeladres: het wijst naar binnenin WordPress (wp-admin, wp-json …) in plaats van naar de startpagina van de winkel. Typ het adres van de startpagina van de winkel zoals uw browser het toont, bv. https://mijnwinkel.be.',
  'msg.setting.numbering.reset_needs_year':
    'Een nummering die elk jaar opnieuw begint, heeft {year} nodig in haar patroon, anders komen nummers twee keer voor: voeg eerst {year} toe aan het patroon.',
  'msg.setting.numbering.pattern_needs_year':
    'Deze nummering begint elk jaar opnieuw bij 1, dus het patroon moet {year} bevatten: vink eerst “Nieuw jaar” uit, of houd {year} in het patroon.',
  'msg.setting.numbering.next_taken':
    'Nummer {highest} werd al toegekend: het volgende moet minstens {least} zijn.',
  'msg.activity.rules_failed':
    'Bestelling {order} is opgeslagen, maar het document kon niet worden gemaakt: {error}',
  'msg.activity.ignored_topic':
    'WooCommerce stuurde een levering “{topic}”; Comptoir verwerkt alleen bestellingen en heeft ze genegeerd. Geef die webhook in WooCommerce → Instellingen → Geavanceerd → Webhooks het onderwerp “Bestelling aangemaakt” of “Bestelling bijgewerkt”, of verwijder hem.',
  'msg.activity.ignored_topic_webhook':
    'WooCommerce stuurde een levering “{topic}” (webhook {webhook}); Comptoir verwerkt alleen bestellingen en heeft ze genegeerd. Geef die webhook in WooCommerce → Instellingen → Geavanceerd → Webhooks het onderwerp “Bestelling aangemaakt” of “Bestelling bijgewerkt”, of verwijder hem.',
  'msg.activity.failed_delivery':
    'Een ondertekende levering “{topic}” kon niet worden gelezen en is bewaard bij de mislukte leveringen: {reason}. WooCommerce kreeg dat te horen (400); de bestelling komt mee met haar volgende wijziging.',
  'msg.activity.failed_delivery_untitled':
    'Een ondertekende levering zonder onderwerp kon niet worden gelezen en is bewaard bij de mislukte leveringen: {reason}. WooCommerce kreeg dat te horen (400); de bestelling komt mee met haar volgende wijziging.',
  'msg.activity.ping': 'WooCommerce heeft webhook {webhook} getest: de bezorg-URL werkt.',
  'msg.activity.ping_from':
    'WooCommerce heeft webhook {webhook} getest vanaf {agent}: de bezorg-URL werkt.',
  'msg.activity.listening': 'Luistert naar WooCommerce op {address}.',
  'msg.activity.listener_stopped':
    'Het luisteren is gestopt: er komen geen bestellingen binnen tot het weer start.',
  'msg.activity.catch_up.unreadable':
    'Een bestelling die de winkel tijdens de inhaalronde doorgaf, kon niet worden gelezen en is bewaard bij de mislukte leveringen: {reason}. Ze komt terug bij haar volgende wijziging.',
  'msg.activity.catch_up.again': 'De inhaalronde werkt weer. {summary}',
  'msg.activity.catch_up.failed': 'De inhaalronde voor gemiste bestellingen is mislukt: {error}',
  'msg.catch_up.none_missed':
    'Inhaalronde: geen bestelling gemist ({seen} {seen|bestelling|bestellingen} gewijzigd sinds {since} UTC, alle al aanwezig).{notes}',
  'msg.catch_up.changed':
    'Inhaalronde: {changed} {changed|bestelling|bestellingen} nieuw of gewijzigd van de {seen} gewijzigd sinds {since} UTC; {made} {made|document|documenten} gemaakt.{notes}',
  'msg.catch_up.note.unreadable':
    '{count} {count|bestelling kon|bestellingen konden} niet worden gelezen en {count|is|zijn} bewaard bij de mislukte leveringen; ze {count|komt|komen} terug bij de volgende wijziging.',
  'msg.catch_up.note.unsettled':
    'De bestellijst van de winkel veranderde terwijl ze werd gelezen: de volgende inhaalronde leest ze opnieuw vanaf hetzelfde punt.',
  'msg.activity.mail.gave_up':
    'Document {number} kon meer dan 24 uur lang niet worden gemaild en Comptoir probeert het niet meer: {error} Controleer Instellingen → E-mail verzenden en klik daarna opnieuw op Per e-mail verzenden.',
  'msg.activity.mail.failed': 'Document {number} is niet gemaild: {error}',
  'msg.activity.outbox_stopped': 'Postvak uit is even gestopt: {error}',
  'msg.reach.trip.server': ', server „{name}”',
  'msg.reach.trip.not_address':
    '„{address}” is geen webadres. Vul het adres van de tunnel in als https://host.',
  'msg.reach.trip.ok':
    'Het publieke adres werkt: deze Comptoir ontving zijn eigen test via {url} in {millis} ms.',
  'msg.reach.trip.dns':
    'De test via {url} is mislukt: de naam {host} werd niet gevonden (DNS). Een nieuwe snelle tunnel kan een minuut nodig hebben om overal bekend te zijn: probeer het zo opnieuw; controleer anders het adres.',
  'msg.reach.trip.timeout':
    'De test via {url} is mislukt: binnen {seconds} s kwam er geen antwoord. De tunnel start misschien nog of is defect: wacht even, of herstart hem.',
  'msg.reach.trip.refused':
    'De test via {url} is mislukt: de verbinding met {host} mislukte, daar antwoordt niets. Controleer het adres en of de tunnel of reverse proxy draait.',
  'msg.reach.trip.certificate':
    'De test via {url} is mislukt: de beveiligde verbinding mislukte ({detail}): het certificaat is niet geldig voor {host}, en WooCommerce weigert zulke adressen ook.',
  'msg.reach.trip.tls':
    'De test via {url} is mislukt: de beveiligde verbinding mislukte ({detail}); WooCommerce vereist een geldig certificaat.',
  'msg.reach.trip.broken':
    'De test via {url} is mislukt: de verbinding werd verbroken ({detail}). Controleer het adres en of de tunnel draait.',
  'msg.reach.trip.failed': 'De test via {url} is mislukt: het verzoek mislukte ({detail}).',
  'msg.reach.trip.bad_answer':
    'Comptoir ontving de test via {url}, maar het antwoord kwam terug als HTTP {status}{server}; WooCommerce heeft de 200 van de ontvanger nodig. Controleer wat de tunnel of reverse proxy met antwoorden doet.',
  'msg.reach.trip.other_server':
    'Een andere server beantwoordde de test op {url} (HTTP {status}{server}): het adres leidt niet naar deze Comptoir. Laat de tunnel of reverse proxy naar http://127.0.0.1:{port} wijzen.',
  'msg.reach.trip.redirect':
    'Het adres antwoordde met een omleiding (HTTP {status}{server}) naar {location}: dat is niet de ontvanger van Comptoir, die nooit omleidt. Vul het adres in waar ze eindigt, of laat de tunnel rechtstreeks naar http://127.0.0.1:{port} wijzen.',
  'msg.reach.trip.not_found':
    'Het adres antwoordde 404 (niet gevonden{server}): het bereikt een webserver, maar niet de ontvanger van Comptoir op {path}. Controleer dat de tunnel of reverse proxy doorstuurt naar http://127.0.0.1:{port} en het pad behoudt.',
  'msg.reach.trip.gateway':
    'De tunnel antwoordde HTTP {status}{server}: hij draait, maar kon de ontvanger van Comptoir op deze computer (poort {port}) niet bereiken. Controleer dat de ontvanger draait en dat de tunnel naar die poort doorstuurt.',
  'msg.reach.trip.other_status':
    'Het adres antwoordde HTTP {status}{server} en de test bereikte deze Comptoir niet. Laat de tunnel of reverse proxy naar http://127.0.0.1:{port} wijzen.',
  'msg.reach.trip.no_address': 'Er is geen publiek adres om te testen: {reason}',
  'msg.reach.trip.starting': 'Er is geen publiek adres om te testen: de tunnel start nog.',
  'msg.tunnel.bad_url':
    '„{url}” kan niet het publieke adres zijn: {reason}. Vul het https://-adres van uw tunnel of reverse proxy in, bv. https://bestellingen.mijnwinkel.be.',
  'msg.tunnel.bad_url.not_https':
    'het moet beginnen met https:// (WooCommerce controleert certificaten, en bestellingen bevatten persoonsgegevens)',
  'msg.tunnel.bad_url.query': 'het bevat een query (?…) of een fragment (#…)',
  'msg.tunnel.bad_url.no_host': 'het heeft geen hostnaam',
  'msg.tunnel.bad_url.user': 'het bevat een gebruikersnaam',
  'msg.tunnel.bad_url.ip_address': 'WooCommerce levert niet aan IPv6-adressen; gebruik een hostnaam',
  'msg.tunnel.bad_url.port': 'WooCommerce levert alleen aan poorten 443, 80 en 8080, niet aan {port}',
  'msg.tunnel.bad_url.not_a_port': 'WooCommerce levert alleen aan poorten 443, 80 en 8080',
  'msg.tunnel.bad_url.private':
    'het is een lokaal of privé-adres, dat WooCommerce weigert aan te roepen',
  'msg.tunnel.not_installed':
    'cloudflared werd niet gevonden ({exe}). Installeer cloudflared van Cloudflare, of vul in plaats daarvan het publieke adres van uw eigen tunnel in.',
  'msg.tunnel.spawn':
    'cloudflared ({exe}) kon niet gestart worden: {reason}. Controleer dat het bestand het programma cloudflared is en dat u het mag uitvoeren.',
  'msg.tunnel.no_address_yet': '{provider} gaf niet op tijd een adres; Comptoir blijft het proberen.',
  'msg.tunnel.cloudflared_restarting':
    '{end}{last_words}. Comptoir start het opnieuw over {seconds} s; controleer de internetverbinding van deze computer (Cloudflare beperkt ook hoeveel snelle tunnels na elkaar gemaakt mogen worden).',
  'msg.tunnel.end.exited': 'cloudflared is gestopt ({exit})',
  'msg.tunnel.end.exited_without_address': 'cloudflared is gestopt voordat het een adres gaf ({exit})',
  'msg.tunnel.end.no_address': 'cloudflared gaf binnen {seconds} s geen adres voor een snelle tunnel',
  'msg.tunnel.last_words': '; zijn laatste woorden: „{words}”',
  'msg.tunnel.ngrok.no_authtoken':
    'Er is geen ngrok-authtoken ingesteld. Plak uw ngrok-authtoken van dashboard.ngrok.com → Your Authtoken.',
  'msg.tunnel.ngrok.authtoken_rejected':
    'ngrok weigerde het authtoken ({detail}). Plak uw ngrok-authtoken opnieuw van dashboard.ngrok.com → Your Authtoken (een gereset of ingetrokken token werkt niet meer).',
  'msg.tunnel.ngrok.bad_domain':
    '„{domain}” is geen domeinnaam. Vul het domein in dat in uw ngrok-account gereserveerd is (dashboard.ngrok.com → Domains), bv. bestellingen-mijnwinkel.ngrok.app, of laat het leeg om het eigen ngrok-adres van uw account te gebruiken.',
  'msg.tunnel.ngrok.domain':
    'ngrok wilde {domain} niet openen voor dit account ({detail}). Controleer dat dit domein gereserveerd is in het ngrok-account van dit authtoken (dashboard.ngrok.com → Domains), of laat het leeg om het eigen ngrok-adres van uw account te gebruiken.',
  'msg.tunnel.ngrok.unreachable':
    'Comptoir kon ngrok niet bereiken ({server}): {reason}. Controleer de internetverbinding van deze computer; een firewall of proxy kan ze blokkeren.',
  'msg.tunnel.ngrok.refused':
    'ngrok weigerde de tunnel te openen ({detail}). Controleer wat uw ngrok-account toelaat op dashboard.ngrok.com (een ngrok-agent die elders met dit account draait, telt ook mee).',
  'msg.tunnel.ngrok.dropped':
    'De verbinding met ngrok viel weg ({reason}). Als dit blijft gebeuren, controleer dan de internetverbinding van deze computer.',
  'msg.tunnel.ngrok.retrying': '{error} Comptoir probeert het opnieuw over {seconds} s.',
  'msg.tunnel.ngrok.could_not_start':
    'Comptoir kon de ngrok-tunnel niet starten: {reason}. Sluit enkele programma’s en probeer het opnieuw.',
  'msg.tunnel.bad_local_address':
    'Het lokale adres {address} is niet geldig ({reason}); dit is een fout in Comptoir.',
  'msg.tunnel.stopped': 'De tunnel werd gestopt.',
  'msg.tunnel.not_started': 'niet gestart',
  'msg.tunnel.stopped_on_request': 'gestopt',
  'msg.tunnel.settings_unreadable':
    'De tunnelinstellingen konden niet uit de database gelezen worden; herstart Comptoir.',
  'msg.tunnel.no_listener':
    'De ontvanger draait niet, dus de tunnel leidt nergens heen. Start de ontvanger (of maak zijn poort vrij).',
  'msg.tunnel.no_public_url':
    'Er is geen publiek adres ingesteld. Vul het https://-adres van uw tunnel of reverse proxy in (tunnel.public_url), of kies cloudflared.',
  'msg.tunnel.starting': 'de tunnel start',
  'msg.listener.not_loopback':
    '{address} is geen loopback-adres; de ontvanger luistert alleen op 127.0.0.1, zodat niets anders dan de tunnel hem bereikt.',
  'msg.listener.port_busy':
    'Een ander programma gebruikt poort {port} al. Sluit het, of kies een andere poort in de instellingen (listener.port).',
  'msg.listener.cannot_open': 'De ontvanger kon {address} niet openen: {error}.',
  'msg.listener.cannot_start': 'De ontvanger kon niet starten: {error}.',
  'msg.listener.closed': 'Comptoir werd gesloten.',
  'msg.listener.not_started': 'De ontvanger werd nog niet gestart.',
  'msg.webhook.created': 'Webhook {id} ({topic}) werd aangemaakt; hij levert aan {url}.',
  'msg.webhook.moved': 'Webhook {id} ({topic}) levert nu aan {url} in plaats van {previous}.',
  'msg.webhook.updated': 'Webhook {id} ({topic}) werd bijgewerkt; hij levert aan {url}.',
  'msg.webhook.moved_note': ' en levert nu aan {url} in plaats van {previous}',
  'msg.webhook.reactivated_disabled':
    'Webhook {id} ({topic}) was uitgeschakeld door WooCommerce, dat doet dat na 7 mislukte leveringen op rij (Comptoir was gesloten, in slaap of onbereikbaar). Hij is weer actief{moved}. WooCommerce stuurt wat mislukte niet opnieuw; de inhaalronde haalt die bestellingen op. Tot er een levering lukt, schakelt nog één mislukking hem opnieuw uit: houd Comptoir bereikbaar.',
  'msg.webhook.reactivated':
    'Webhook {id} ({topic}) stond op „{was}” in WooCommerce; Comptoir heeft hem weer actief gezet{moved}. Bestellingen die intussen wijzigden, haalt de inhaalronde op.',
  'msg.webhook.secret_sent':
    'Webhook {id} ({topic}) is actief, levert aan {url} en heeft nu het huidige geheim van Comptoir.',
  'msg.webhook.unchanged': 'Webhook {id} ({topic}) is actief en levert aan {url}.',
  'msg.webhook.duplicate':
    'Webhook {id} („{name}”, {topic}) is een tweede webhook van Comptoir en werd gelaten zoals hij is; als niemand hem met opzet maakte, verwijder hem dan in WooCommerce → Instellingen → Geavanceerd → Webhooks.',
  'msg.webhook.recreated':
    'De webhook van Comptoir voor {topic} stond niet meer in WooCommerce{gone}, waarschijnlijk daar verwijderd; Comptoir heeft hem opnieuw aangemaakt als webhook {id}, die aan {url} levert. Bestellingen die intussen wijzigden, haalt de inhaalronde op.',
  'msg.webhook.gone_note': ' (webhook {id} is verdwenen)',
  'msg.webhook.url.not_address':
    '„{url}” is geen webadres; WooCommerce zal er niet aan leveren. Controleer het publieke adres van de tunnel.',
  'msg.webhook.url.not_https':
    'De leverings-URL {url} is geen HTTPS: bestellingen zouden onversleuteld reizen. Gebruik het https://-adres van de tunnel.',
  'msg.webhook.url.port':
    'WooCommerce levert alleen aan poorten 80, 443 en 8080, niet aan {port}: de webhooks zullen mislukken. Gebruik het publieke adres van de tunnel zonder poort.',
  'msg.webhook.url.private':
    'WooCommerce levert niet aan lokale of privé-adressen zoals {host}: de webhooks zullen mislukken. Gebruik een publiek tunneladres.',
  'msg.webhook.check_again': 'Comptoir kan zijn webhooks in WooCommerce weer controleren.',
  'msg.webhook.check_failed': 'Comptoir kon zijn webhooks in WooCommerce niet controleren: {error}',
  'msg.webhook.connect_failed': 'Het verbinden met de winkel is mislukt: {error}',
  'msg.webhook.no_address_yet':
    'Er is geen publiek adres, dus de webhooks kunnen nog niet goed gezet worden ({reason}); Comptoir doet het zodra de tunnel werkt.',
  'msg.webhook.not_active': 'In WooCommerce is webhook {id} ({topic}) „{status}”. {problem}',
  'msg.reach.trip.no_listener':
    'De ontvanger draait niet, dus niets kan op de test antwoorden: {reason}',
};

const DICTIONARIES: Record<Lang, Dictionary> = { en, fr, nl };

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'nl' || value === 'en';
}

export function isKey(value: string): value is Key {
  return Object.prototype.hasOwnProperty.call(en, value);
}

/** fr* → French, nl* → Dutch, anything else → English. */
export function pickLanguage(browserLanguage: string | undefined | null): Lang {
  const tag = (browserLanguage ?? '').toLowerCase();
  if (tag.startsWith('fr')) return 'fr';
  if (tag.startsWith('nl')) return 'nl';
  return 'en';
}

export type Vars = Record<string, string | number>;

/** French puts a no-break space before « : ; ! ? » and inside « », so they never start a line. */
function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

/** Whether `n` takes the singular: French says « 0 commande », English and Dutch "0 orders". */
function singular(lang: Lang, n: number): boolean {
  return lang === 'fr' ? Math.abs(n) < 2 : n === 1;
}

/**
 * The text of `key` in `lang`, with `{name}` replaced from `vars` (values are left as they are)
 * and `{name|one|many}` by the form that fits the number `vars[name]`.
 */
export function translate(lang: Lang, key: Key, vars?: Vars): string {
  const raw = DICTIONARIES[lang][key];
  const text = lang === 'fr' ? frenchSpacing(raw) : raw;
  if (!vars) return text;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(vars, name);
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, many: string) =>
      has(name) ? (singular(lang, Number(vars[name])) ? one : many) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (has(name) ? String(vars[name]) : whole));
}

/**
 * A sentence from the core: a stable code, the values it names, and its English text. Commands
 * reject with one, and activity lines carry one.
 */
export interface CoreMessage {
  code: string | null;
  params: Record<string, unknown> | null;
  /** The English sentence, shown when the window has no translation for the code. */
  message: string;
}

export function isCoreMessage(value: unknown): value is CoreMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    typeof (value as { message: unknown }).message === 'string' &&
    'code' in value
  );
}

/** A parameter as text: a nested sentence is translated too; a list of sentences follows the main one. */
function paramText(lang: Lang, value: unknown): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => ' ' + String(paramText(lang, v))).join('');
  if (isCoreMessage(value)) return translateMessage(lang, value);
  if (value === null || value === undefined) return '';
  return String(value);
}

/** The core's sentence in `lang` (`msg.<code>`), or its English text when there is no translation. */
export function translateMessage(lang: Lang, message: CoreMessage): string {
  const key = `msg.${message.code ?? ''}`;
  if (!message.code || !isKey(key)) return message.message;
  const vars: Vars = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    vars[name] = paramText(lang, value);
  }
  return translate(lang, key, vars);
}

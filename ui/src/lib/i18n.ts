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

/** The text of `key` in `lang`, with `{name}` replaced from `vars` (values are left as they are). */
export function translate(lang: Lang, key: Key, vars?: Vars): string {
  const raw = DICTIONARIES[lang][key];
  const text = lang === 'fr' ? frenchSpacing(raw) : raw;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

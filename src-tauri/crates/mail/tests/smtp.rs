//! Sends through a real SMTP server: aiosmtpd (Python), started per test on a free port by
//! `tests/smtp_sink.py`, which writes what it receives to a folder and answers 4xx/5xx for
//! chosen addresses. What arrived is read back with Python's own MIME parser, so the check
//! does not trust lettre to judge lettre.
//!
//! aiosmtpd is looked for in `<target>/py/aiosmtpd` (or `COMPTOIR_AIOSMTPD_PATH`); install it
//! with `python3 -m pip install --target target/py/aiosmtpd aiosmtpd`. Without it the tests
//! fail and say so — they are never skipped.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::time::{Duration, Instant};

use comptoir_mail::{
    Delivered, MailError, Outgoing, Password, Security, SmtpSettings, attachment_name, build,
    message_id_for, send,
};
use comptoir_testkit::smtp::Sink;

const BODY: &str = "Bonjour Jean,\n\nMerci pour votre commande — à bientôt\n.\n.Une ligne qui commence par un point, et une très longue ligne qui dépasse largement les soixante-dix-huit caractères d'une ligne d'e-mail.\nFrom the shop, with love\r\n\nBoutique Été";

trait SinkSettings {
    fn settings(&self) -> SmtpSettings;
}

impl SinkSettings for Sink {
    fn settings(&self) -> SmtpSettings {
        settings_for(self.port)
    }
}

/// Plain SMTP to the loopback, no login.
fn settings_for(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::None,
        user: None,
        password: None,
        from_name: "Boutique Été".into(),
        from_address: "shop@example.be".into(),
        reply_to: None,
        copy_to: None,
        timeout: Duration::from_secs(10),
    }
}

/// Bytes that break careless mail code: a PDF header, bare LF and CR, CRLF, lines that are a
/// lone dot or start with one (SMTP's end-of-data marker), "From " at a line start, NULs,
/// every byte value, and 300 KB of noise so the base64 runs over many lines.
fn tricky_pdf() -> Vec<u8> {
    let mut bytes =
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\r\n.\r\n.\n..\r\nFrom here\n\r\x00\x00".to_vec();
    bytes.extend(0..=255u8);
    let mut x: u32 = 0x2026_0007;
    for _ in 0..300_000 {
        x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        bytes.push((x >> 24) as u8);
    }
    bytes.extend_from_slice(b"\n.\r\n%%EOF\n");
    bytes
}

fn outgoing<'a>(to: &'a str, pdf: &'a [u8], message_id: &'a str) -> Outgoing<'a> {
    Outgoing {
        to,
        subject: "Votre facture F2026-0007 — Boutique Été",
        body: BODY,
        attachment_name: "Facture F2026-0007 – été.pdf",
        attachment: pdf,
        message_id,
    }
}

fn send_to(settings: &SmtpSettings, to: &str) -> Result<Delivered, MailError> {
    let pdf = b"%PDF-1.7\n%%EOF\n";
    let id = message_id_for(7, "F2026-0007");
    let message = build(settings, &outgoing(to, pdf, &id)).unwrap();
    send(settings, &message)
}

#[test]
fn a_message_arrives_once_with_everything_intact() {
    let sink = Sink::start(&[]);
    let mut settings = sink.settings();
    settings.reply_to = Some("contact@example.be".into());
    settings.copy_to = Some("archive@example.be".into());
    let pdf = tricky_pdf();
    let id = message_id_for(17, "F2026-0007");
    let out = outgoing("jean.dupont@example.be", &pdf, &id);

    let message = build(&settings, &out).unwrap();
    let delivered = send(&settings, &message).unwrap();
    assert_eq!(delivered.server_response, "250 2.0.0 Ok: queued as SINK1");

    let received = sink.received();
    assert_eq!(received.len(), 1, "{received:#?}");
    let m = &received[0];
    assert_eq!(m["mail_from"], "shop@example.be");
    assert_eq!(
        m["rcpt_tos"],
        serde_json::json!(["jean.dupont@example.be", "archive@example.be"])
    );
    assert_eq!(m["from"], "Boutique Été <shop@example.be>");
    assert_eq!(m["to"], "jean.dupont@example.be");
    assert_eq!(m["cc"], "archive@example.be");
    assert_eq!(m["reply_to"], "contact@example.be");
    assert_eq!(m["subject"], "Votre facture F2026-0007 — Boutique Été");
    assert_eq!(m["message_id"], id.as_str());
    assert!(m["date"].is_string(), "{m:#?}");
    assert_eq!(m["content_type"], "multipart/mixed");
    assert_eq!(m["body_charset"], "utf-8");
    let body = m["body"].as_str().unwrap().replace("\r\n", "\n");
    assert_eq!(body.trim_end(), BODY.replace("\r\n", "\n"));
    assert!(
        body.contains("Merci pour votre commande — à bientôt"),
        "{body}"
    );
    assert_eq!(m["defects"], serde_json::json!([]), "{m:#?}");

    let attachments = m["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 1, "{m:#?}");
    let a = &attachments[0];
    assert_eq!(a["content_type"], "application/pdf");
    assert_eq!(a["disposition"], "attachment");
    assert_eq!(a["filename"], "Facture F2026-0007 – été.pdf");
    assert_eq!(a["name"], "Facture F2026-0007 – été.pdf");
    let arrived = sink.file(a["file"].as_str().unwrap());
    assert_eq!(arrived.len(), pdf.len());
    assert!(arrived == pdf, "the PDF changed on the way");

    // 7-bit clean on the wire: no server can refuse or mangle it for want of 8BITMIME.
    assert!(sink.file("1.eml").is_ascii());

    // The same document built again (a retry) carries the same Message-ID.
    let again = build(&settings, &out).unwrap();
    let again = String::from_utf8(again.formatted()).unwrap();
    assert!(again.contains(&format!("Message-ID: {id}\r\n")), "{again}");
    assert_eq!(sink.received().len(), 1);
}

#[test]
fn ascii_names_and_the_attachment_name_helper_arrive_as_given() {
    let sink = Sink::start(&[]);
    let settings = sink.settings();
    let pdf = tricky_pdf();
    let name = attachment_name("Note de crédit", "NC/2026/3");
    let id = message_id_for(3, "NC/2026/3");
    let mut out = outgoing("jean@example.be", &pdf, &id);
    out.attachment_name = &name;
    send(&settings, &build(&settings, &out).unwrap()).unwrap();
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let a = &received[0]["attachments"][0];
    assert_eq!(a["filename"], "Note de crédit NC-2026-3.pdf");
    assert_eq!(a["name"], "Note de crédit NC-2026-3.pdf");
    assert!(sink.file(a["file"].as_str().unwrap()) == pdf);

    let mut out = outgoing("jean@example.be", &pdf, &id);
    out.attachment_name = "Facture F2026-0007.pdf";
    send(&settings, &build(&settings, &out).unwrap()).unwrap();
    let a = &sink.received()[1]["attachments"][0];
    assert_eq!(a["filename"], "Facture F2026-0007.pdf");
    assert_eq!(a["name"], "Facture F2026-0007.pdf");
}

#[test]
fn login_with_the_right_password_delivers() {
    let sink = Sink::start(&["--user", "shop@example.be", "--password", "p@ss wörd!"]);
    let mut settings = sink.settings();
    settings.user = Some("shop@example.be".into());
    settings.password = Some(Password::new("p@ss wörd!"));
    let delivered = send_to(&settings, "jean@example.be").unwrap();
    assert!(
        delivered.server_response.starts_with("250 "),
        "{delivered:?}"
    );
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0]["login"], "shop@example.be");
}

#[test]
fn a_wrong_password_is_a_permanent_error_with_the_servers_answer() {
    let sink = Sink::start(&["--user", "shop@example.be", "--password", "right"]);
    let mut settings = sink.settings();
    settings.user = Some("shop@example.be".into());
    settings.password = Some(Password::new("wrong-hunter2"));
    let e = send_to(&settings, "jean@example.be").unwrap_err();
    assert_eq!(
        e,
        MailError::LoginRefused {
            code: 535,
            answer: "5.7.8 Authentication credentials invalid".into()
        }
    );
    assert!(!e.is_temporary());
    let text = e.to_string();
    assert!(
        text.contains("535 5.7.8 Authentication credentials invalid"),
        "{text}"
    );
    assert!(text.contains("password"), "{text}");
    assert!(!text.contains("hunter2") && !format!("{e:?}").contains("hunter2"));
    assert_eq!(
        e.server_answer().as_deref(),
        Some("535 5.7.8 Authentication credentials invalid")
    );
    assert!(sink.received().is_empty());
}

#[test]
fn no_login_where_one_is_required_is_permanent() {
    let sink = Sink::start(&["--user", "shop@example.be", "--password", "right"]);
    let e = send_to(&sink.settings(), "jean@example.be").unwrap_err();
    assert_eq!(
        e,
        MailError::LoginRequired {
            code: 530,
            answer: "5.7.0 Authentication required".into()
        }
    );
    assert!(!e.is_temporary());
    assert!(e.to_string().contains("password"), "{e}");
}

#[test]
fn a_server_that_is_down_is_temporary() {
    // Take a free port and let it go: nothing listens there any more.
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut settings = settings_for(port);
    settings.timeout = Duration::from_secs(5);
    let e = send_to(&settings, "jean@example.be").unwrap_err();
    assert!(
        matches!(&e, MailError::Unreachable { server, detail }
            if *server == format!("127.0.0.1:{port}") && detail.contains("refused")),
        "{e:?}"
    );
    assert!(e.is_temporary());
    assert!(e.to_string().contains("Comptoir will try again"), "{e}");

    // A host name that does not resolve is temporary too: the owner may just be offline.
    settings.host = "mail.comptoir.invalid".into();
    let e = send_to(&settings, "jean@example.be").unwrap_err();
    assert!(matches!(e, MailError::Unreachable { .. }), "{e:?}");
    assert!(e.is_temporary());
}

#[test]
fn a_server_that_never_answers_is_temporary() {
    // Accepts the connection and then says nothing, like a firewall black hole or a TLS port
    // spoken to in plain text.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let silent = std::thread::spawn(move || listener.accept().map(|(socket, _)| socket));
    let mut settings = settings_for(port);
    settings.timeout = Duration::from_secs(1);
    let started = Instant::now();
    let e = send_to(&settings, "jean@example.be").unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        e,
        MailError::NoAnswer {
            server: format!("127.0.0.1:{port}"),
            detail: "no answer within 1 s".into()
        }
    );
    assert!(e.is_temporary());
    assert!(e.to_string().contains("did not answer"), "{e}");
    drop(silent.join());
}

#[test]
fn a_4xx_on_the_recipient_is_temporary() {
    let sink = Sink::start(&["--tempfail", "later@example.be"]);
    let e = send_to(&sink.settings(), "later@example.be").unwrap_err();
    assert_eq!(
        e,
        MailError::TryLater {
            code: 450,
            answer:
                "4.2.0 <later@example.be>: Recipient address rejected: Greylisted, try again later"
                    .into()
        }
    );
    assert!(e.is_temporary());
    assert!(
        e.to_string()
            .contains("450 4.2.0 <later@example.be>: Recipient address rejected"),
        "{e}"
    );
    assert!(sink.received().is_empty());
}

#[test]
fn a_5xx_on_the_recipient_is_permanent_with_the_servers_text() {
    let sink = Sink::start(&["--reject", "nobody@example.be"]);
    let e = send_to(&sink.settings(), "nobody@example.be").unwrap_err();
    let answer = "5.1.1 <nobody@example.be>: Recipient address rejected: User unknown in virtual mailbox table";
    assert_eq!(
        e,
        MailError::AddressRefused {
            code: 550,
            answer: answer.into(),
            recipients: "nobody@example.be".into(),
        }
    );
    assert!(!e.is_temporary());
    let text = e.to_string();
    assert!(text.contains(&format!("550 {answer}")), "{text}");
    assert!(
        text.starts_with("The mail server refused the address"),
        "{text}"
    );
    assert!(sink.received().is_empty());

    // A refused copy address stops the message too, and says which addresses were involved.
    let mut settings = sink.settings();
    settings.copy_to = Some("nobody@example.be".into());
    let e = send_to(&settings, "jean@example.be").unwrap_err();
    assert!(
        matches!(&e, MailError::AddressRefused { recipients, .. }
            if recipients == "jean@example.be, nobody@example.be"),
        "{e:?}"
    );
    assert!(sink.received().is_empty());
}

#[test]
fn a_security_mismatch_is_a_permanent_tls_error() {
    let sink = Sink::start(&["--user", "shop@example.be", "--password", "right"]);
    let mut settings = sink.settings();
    settings.user = Some("shop@example.be".into());
    settings.password = Some(Password::new("right"));

    // TLS spoken to a plain-text server: rustls refuses the "220" greeting.
    settings.security = Security::Tls;
    let e = send_to(&settings, "jean@example.be").unwrap_err();
    assert!(matches!(e, MailError::Tls { .. }), "{e:?}");
    assert!(!e.is_temporary());
    assert!(e.to_string().contains("security setting"), "{e}");

    // STARTTLS required but not offered: nothing is sent, the password least of all.
    settings.security = Security::StartTls;
    let e = send_to(&settings, "jean@example.be").unwrap_err();
    assert!(
        matches!(&e, MailError::Tls { detail, .. } if detail.contains("STARTTLS")),
        "{e:?}"
    );
    assert!(!e.is_temporary());
    assert!(sink.received().is_empty());
}

#[test]
fn an_untrusted_certificate_is_refused_before_the_login() {
    // The sink's certificate is self-signed: the real handshake happens (rustls with ring),
    // and the check against the trusted roots must refuse it, over STARTTLS and over TLS.
    for (flag, security) in [("--starttls", Security::StartTls), ("--tls", Security::Tls)] {
        let sink = Sink::start(&[flag, "--user", "shop@example.be", "--password", "right"]);
        let mut settings = sink.settings();
        settings.security = security;
        settings.user = Some("shop@example.be".into());
        settings.password = Some(Password::new("right"));
        let e = send_to(&settings, "jean@example.be").unwrap_err();
        assert!(
            matches!(&e, MailError::Certificate { detail, .. }
                if detail.starts_with("invalid peer certificate")),
            "{flag}: {e:?}"
        );
        assert!(!e.is_temporary());
        assert!(e.to_string().contains("cannot trust"), "{e}");
        assert!(sink.received().is_empty());
    }
}

#[test]
fn debug_of_the_settings_never_shows_the_password() {
    let mut settings = settings_for(587);
    settings.user = Some("shop@example.be".into());
    settings.password = Some(Password::new("correct horse battery staple"));
    let debug = format!("{settings:?}\n{settings:#?}");
    assert!(!debug.contains("correct horse"), "{debug}");
    assert!(debug.contains("Password(<redacted>)"), "{debug}");
}

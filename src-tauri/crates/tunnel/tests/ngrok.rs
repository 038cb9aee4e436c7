//! The ngrok provider where ngrok's service cannot be reached (it cannot from the test
//! machines): its session is pointed (`NgrokOptions::server_addr`) at local ports that refuse,
//! close or stay silent, through ngrok's real connection code. What is checked: the owner is
//! told why, the provider retries with growing pauses, stop() and drop end it promptly, and the
//! authtoken is never shown. Signing in and forwarding need ngrok itself and are not tested.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use comptoir_tunnel::{Ngrok, NgrokOptions, Provider, State, Status, TunnelError};

const TOKEN: &str = "2kQWNbO3f3jmWNi7GWJBM8Fvc1r_7X4ptsEpUvQfA8Q6wzS2Q";

fn options(server: u16) -> NgrokOptions {
    NgrokOptions {
        connect_timeout: Duration::from_secs(1),
        first_backoff: Duration::from_millis(200),
        max_backoff: Duration::from_millis(800),
        stable_after: Duration::from_secs(60),
        server_addr: Some(format!("127.0.0.1:{server}")),
    }
}

/// Every status the provider reported, with when.
type Seen = Arc<Mutex<Vec<(Instant, Status)>>>;

fn watched(ngrok: Ngrok) -> (Ngrok, Seen) {
    let seen: Seen = Arc::default();
    let s = Arc::clone(&seen);
    let ngrok = ngrok
        .on_status(move |st| s.lock().unwrap().push((Instant::now(), st.clone())))
        .on_url_change(|url| panic!("no address can come from a local stand-in: {url}"));
    (ngrok, seen)
}

fn wait_until(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The moments each attempt started (state Starting).
fn attempts(seen: &Seen) -> Vec<Instant> {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|(_, s)| s.state == State::Starting)
        .map(|(t, _)| *t)
        .collect()
}

/// A local port where nothing listens.
fn refusing_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// A server that accepts connections and then does `each` with them, counting them.
fn server(each: fn(TcpStream)) -> (u16, Arc<AtomicU32>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let count = Arc::new(AtomicU32::new(0));
    let c = Arc::clone(&count);
    std::thread::spawn(move || {
        for conn in l.incoming() {
            let Ok(conn) = conn else { return };
            c.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || each(conn));
        }
    });
    (port, count)
}

#[test]
fn a_missing_authtoken_is_said_and_nothing_runs() {
    let (mut n, seen) =
        watched(Ngrok::new(" \n", None, 8080).with_options(options(refusing_port())));
    let err = n.start().unwrap_err();
    assert_eq!(err, TunnelError::NgrokNoAuthtoken);
    assert_eq!(
        err.to_string(),
        "No ngrok authtoken is set. Paste your ngrok authtoken from dashboard.ngrok.com → Your Authtoken."
    );
    let s = n.status();
    assert_eq!(
        (s.provider, s.state, s.url.as_deref()),
        ("ngrok", State::Down, None)
    );
    assert_eq!(s.reason.as_deref(), Some(err.to_string().as_str()));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        attempts(&seen).len(),
        0,
        "nothing may be tried without a token"
    );
    // A malformed reserved domain is also said before anything runs.
    let mut n = Ngrok::new(TOKEN, Some("orders myshop"), 8080).with_options(options(1));
    let err = n.start().unwrap_err();
    assert!(matches!(err, TunnelError::NgrokBadDomain { .. }), "{err:?}");
    assert!(
        err.to_string().contains("dashboard.ngrok.com → Domains"),
        "{err}"
    );
}

#[test]
fn a_refusing_server_is_down_with_a_reason_and_retried_with_growing_pauses() {
    let port = refusing_port();
    let (mut n, seen) = watched(
        Ngrok::new(TOKEN, Some("orders-myshop.ngrok.app"), 8080).with_options(options(port)),
    );
    let err = n.start().unwrap_err();
    let TunnelError::NgrokUnreachable { server, reason } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(server, &format!("127.0.0.1:{port}"));
    assert_eq!(reason, "the connection was refused");
    assert_eq!(
        err.to_string(),
        format!(
            "Comptoir could not reach ngrok (127.0.0.1:{port}): the connection was refused. Check this computer's internet connection; a firewall or proxy may block it."
        )
    );

    // Pauses of 0.2, 0.4, 0.8, 0.8 s between attempts.
    wait_until("five attempts", Duration::from_secs(20), || {
        attempts(&seen).len() >= 5
    });
    let s = n.status();
    assert!(s.restarts >= 4, "{s:?}");
    let t = attempts(&seen);
    let gaps: Vec<Duration> = t.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps[0] >= Duration::from_millis(200), "{gaps:?}");
    assert!(gaps[1] >= Duration::from_millis(400), "{gaps:?}");
    assert!(gaps[2] >= Duration::from_millis(800), "{gaps:?}");
    assert!(gaps[3] >= Duration::from_millis(800), "{gaps:?}");
    assert!(
        gaps[3] < Duration::from_millis(1600),
        "capped at max_backoff: {gaps:?}"
    );
    // Each failure left it down with the reason and when it tries again.
    let downs: Vec<Status> = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, s)| s.state == State::Down)
        .map(|(_, s)| s.clone())
        .collect();
    assert!(downs.len() >= 4);
    assert_eq!(
        downs[0].reason.as_deref(),
        Some(format!("{err} Comptoir tries again in 1 s.").as_str())
    );
    assert!(downs.iter().all(|d| d.url.is_none()));

    // The authtoken shows nowhere.
    let debug = format!("{n:?}");
    assert!(!debug.contains(TOKEN), "{debug}");
    assert!(debug.contains("(redacted)"), "{debug}");
    for (_, st) in seen.lock().unwrap().iter() {
        assert!(!format!("{st:?}").contains(TOKEN));
    }

    let t0 = Instant::now();
    n.stop();
    assert!(t0.elapsed() < Duration::from_secs(1), "{:?}", t0.elapsed());
    let s = n.status();
    assert_eq!(
        (s.state, s.reason.as_deref()),
        (State::Down, Some("stopped"))
    );
    let count = attempts(&seen).len();
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(attempts(&seen).len(), count, "no attempt after stop()");
}

#[test]
fn a_server_that_closes_the_connection_is_a_failed_secure_connection() {
    let (port, count) = server(drop);
    let (mut n, seen) = watched(Ngrok::new(TOKEN, None, 8080).with_options(options(port)));
    let err = n.start().unwrap_err();
    assert_eq!(
        err,
        TunnelError::NgrokUnreachable {
            server: format!("127.0.0.1:{port}"),
            reason: "the secure connection failed (the connection was closed before it was set up); a proxy or firewall may be in the way".to_owned(),
        }
    );
    wait_until("a second attempt", Duration::from_secs(10), || {
        count.load(Ordering::SeqCst) >= 2 && n.status().state == State::Down
    });
    assert!(n.status().reason.unwrap().starts_with(&err.to_string()));
    // Dropping the provider stops it too.
    drop(n);
    let after = count.load(Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(
        count.load(Ordering::SeqCst),
        after,
        "no connection after drop"
    );
    assert!(attempts(&seen).len() >= 2);
}

#[test]
fn a_silent_server_times_out_and_stop_interrupts_a_pending_attempt() {
    // Accepts, reads what comes (the TLS hello), never answers.
    let (port, count) = server(|mut c| {
        let _ = std::io::copy(&mut c, &mut std::io::sink());
    });
    let (mut n, seen) = watched(Ngrok::new(TOKEN, None, 8080).with_options(options(port)));
    let t0 = Instant::now();
    let err = n.start().unwrap_err();
    assert!(t0.elapsed() >= Duration::from_secs(1), "{:?}", t0.elapsed());
    let TunnelError::NgrokUnreachable { reason, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(reason.contains("within 1 s"), "{reason}");
    // Stop while the next attempt waits on the silent server.
    wait_until(
        "the second attempt to be connected",
        Duration::from_secs(10),
        || count.load(Ordering::SeqCst) >= 2 && n.status().state == State::Starting,
    );
    let t0 = Instant::now();
    n.stop();
    assert!(
        t0.elapsed() < Duration::from_millis(900),
        "{:?}",
        t0.elapsed()
    );
    assert_eq!(n.status().state, State::Down);
    assert!(attempts(&seen).len() >= 2);
}

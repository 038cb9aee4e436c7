//! The cloudflared provider against a stand-in `cloudflared` (comptoir-testkit's): a small shell
//! script, written to a temporary folder, that prints real cloudflared log lines (with a quick-tunnel address) on
//! stderr. Each run has its own log file; a run with an `.exit` file ends with that code after
//! a moment (a tunnel that drops), the others stay up like cloudflared does.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use comptoir_testkit::cloudflared::{QUICK_TUNNEL_LOG, QUICK_TUNNEL_URL, write_stand_in};
use comptoir_tunnel::{Cloudflared, CloudflaredOptions, Provider, State, TunnelError};

const URL1: &str = "https://encouraged-slope-jul-leader.trycloudflare.com";

/// cloudflared 2022.7 starting a quick tunnel, as published in a README, verbatim; then the
/// connection error of a real 2024 log, after which this run exits.
const RUN1: &str = r#"2022-07-08T16:13:33Z INF Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out. However, be aware that these account-less Tunnels have no uptime guarantee. If you intend to use Tunnels in production you should use a pre-created named tunnel by following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps
2022-07-08T16:13:33Z INF Requesting new quick Tunnel on trycloudflare.com...
2022-07-08T16:13:35Z INF +--------------------------------------------------------------------------------------------+
2022-07-08T16:13:35Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |
2022-07-08T16:13:35Z INF |  https://encouraged-slope-jul-leader.trycloudflare.com                                     |
2022-07-08T16:13:35Z INF +--------------------------------------------------------------------------------------------+
"#;
const RUN1_END: &str = r#"2024-11-26T09:11:32Z ERR Serve tunnel error error="TLS handshake with edge error: EOF" connIndex=0 event=0 ip=198.18.0.50
"#;

struct StandIn {
    dir: tempfile::TempDir,
}

impl StandIn {
    fn new() -> StandIn {
        let dir = tempfile::tempdir().unwrap();
        write_stand_in(dir.path());
        StandIn { dir }
    }

    fn exe(&self) -> PathBuf {
        self.dir.path().join("cloudflared")
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.dir.path().join(name), text).unwrap();
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name))
            .unwrap()
            .trim()
            .to_owned()
    }

    fn pid(&self, run: u32) -> u32 {
        self.read(&format!("pid.{run}")).parse().unwrap()
    }

    fn runs(&self) -> u32 {
        self.read("runs").parse().unwrap()
    }
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

fn fast() -> CloudflaredOptions {
    CloudflaredOptions {
        url_timeout: Duration::from_secs(10),
        first_backoff: Duration::from_millis(300),
        max_backoff: Duration::from_secs(2),
        stable_after: Duration::from_secs(60),
    }
}

#[test]
fn reads_the_address_restarts_and_reports_the_new_one() {
    let s = StandIn::new();
    s.write("run1.log", RUN1);
    s.write("run1.end", RUN1_END);
    s.write("run1.exit", "1");
    s.write("run2.log", QUICK_TUNNEL_LOG);
    let (tx, rx) = mpsc::channel::<String>();
    let (status_tx, status_rx) = mpsc::channel();
    let mut tunnel = Cloudflared::new(s.exe(), 8787)
        .with_options(fast())
        .on_url_change(move |url| {
            let _ = tx.send(url.to_owned());
        })
        .on_status(move |st| {
            let _ = status_tx.send(st.clone());
        });

    assert_eq!(tunnel.start().unwrap(), URL1);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        URL1,
        "the first address is reported"
    );
    assert_eq!(s.read("args"), "tunnel --url http://127.0.0.1:8787");

    // The first run exits; the provider says why and starts cloudflared again.
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(15)).unwrap(),
        QUICK_TUNNEL_URL,
        "the new address after the restart is reported"
    );
    let status = tunnel.status();
    assert_eq!(status.state, State::Up);
    assert_eq!(status.url.as_deref(), Some(QUICK_TUNNEL_URL));
    assert_eq!(status.restarts, 1);
    assert_eq!(s.runs(), 2);
    assert!(!alive(s.pid(1)), "the first run is gone");
    let down: Vec<_> = status_rx
        .try_iter()
        .filter(|st| st.state == State::Down)
        .collect();
    assert_eq!(down.len(), 1, "{down:?}");
    let reason = down[0].reason.clone().unwrap();
    assert!(
        reason.contains("cloudflared stopped (exit status: 1)")
            && reason.contains("TLS handshake with edge error: EOF"),
        "{reason}"
    );

    let pid = s.pid(2);
    assert!(alive(pid));
    tunnel.stop();
    assert!(!alive(pid), "stop() ends cloudflared");
    let status = tunnel.status();
    assert_eq!(status.state, State::Down);
    assert_eq!(status.url, None);
    assert!(
        rx.try_recv().is_err(),
        "no address reported after the second"
    );
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(s.runs(), 2, "not restarted after stop()");
}

#[test]
fn dropping_the_provider_stops_cloudflared() {
    let s = StandIn::new();
    s.write("run1.log", QUICK_TUNNEL_LOG);
    let mut tunnel = Cloudflared::new(s.exe(), 9000).with_options(fast());
    assert_eq!(tunnel.start().unwrap(), QUICK_TUNNEL_URL);
    let pid = s.pid(1);
    assert!(alive(pid));
    drop(tunnel);
    assert!(!alive(pid));
}

#[test]
fn a_refused_quick_tunnel_is_explained_and_retried() {
    let s = StandIn::new();
    // What cloudflared logs when Cloudflare refuses more quick tunnels for now.
    s.write(
        "run1.log",
        "2026-03-23T10:50:38Z INF Requesting new quick Tunnel on trycloudflare.com...\n\
         2026-03-23T10:50:38Z ERR Error unmarshaling QuickTunnel response: error code: 1015 error=\"invalid character 'e' looking for beginning of value\" status_code=\"429 Too Many Requests\"\n",
    );
    s.write("run1.exit", "1");
    s.write("run2.log", QUICK_TUNNEL_LOG);
    let mut tunnel = Cloudflared::new(s.exe(), 9000).with_options(fast());
    let err = tunnel.start().unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("before giving an address") && text.contains("429 Too Many Requests"),
        "{text}"
    );
    // It keeps trying; the next run works.
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while tunnel.status().state != State::Up {
        assert!(
            std::time::Instant::now() < deadline,
            "{:?}",
            tunnel.status()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(tunnel.status().url.as_deref(), Some(QUICK_TUNNEL_URL));
    assert_eq!(
        tunnel.start().unwrap(),
        QUICK_TUNNEL_URL,
        "start() again: the running one"
    );
    tunnel.stop();
}

#[test]
fn no_address_in_time_stops_that_run() {
    let s = StandIn::new();
    s.write(
        "run1.log",
        "2022-07-08T16:13:33Z INF Requesting new quick Tunnel on trycloudflare.com...\n",
    );
    s.write("other.log", "");
    let mut tunnel = Cloudflared::new(s.exe(), 9000).with_options(CloudflaredOptions {
        url_timeout: Duration::from_secs(1),
        first_backoff: Duration::from_secs(30),
        ..fast()
    });
    let err = tunnel.start().unwrap_err();
    assert!(
        err.to_string()
            .contains("gave no quick-tunnel address within 1 s"),
        "{err}"
    );
    assert!(!alive(s.pid(1)), "the silent run was stopped");
    assert_eq!(tunnel.status().state, State::Down);
    tunnel.stop();
}

#[test]
fn a_missing_program_is_said_so() {
    let mut tunnel = Cloudflared::new("/nonexistent/cloudflared", 9000).with_options(fast());
    let err = tunnel.start().unwrap_err();
    assert!(matches!(err, TunnelError::NotInstalled { .. }), "{err:?}");
    assert!(
        err.to_string().contains("cloudflared was not found"),
        "{err}"
    );
    assert_eq!(tunnel.status().state, State::Down);
}

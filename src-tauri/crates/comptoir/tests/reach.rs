//! Reaching the shop through the engine, over real HTTP and real processes: Connect against the
//! REST stand-in serving the recorded WooCommerce responses (twice: no duplicates), the
//! webhooks healed when the stand-in reports one disabled or deleted, a stand-in `cloudflared`
//! printing real quick-tunnel log lines that exits once (the engine moves the webhooks to the
//! new address and catches up), and the round-trip test of the public address through the
//! real listener.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../woo/tests/support/standin.rs"]
mod standin;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use comptoir::config::{self, ConfigKey};
use comptoir::{DataDir, Engine, Event, sync};
use comptoir_store::Connection;
use comptoir_store::settings::set_setting;
use comptoir_tunnel::State;
use serde_json::json;
use standin::{Recorded, Seen, StandIn, Webhooks, recorded_order_pages, serve_order_pages};

const KEY: &str = "ck_0d5b7e1c2a9f4e3b8a6d0c1e2f3a4b5c6d7e8f90";
const SECRET: &str = "cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";
const PUBLIC: &str = "https://orders.example-shop.be";
const URL1: &str = "https://encouraged-slope-jul-leader.trycloudflare.com";
const URL2: &str = "https://processor-identifies-botswana-messaging.trycloudflare.com";

/// A shop stand-in: the webhooks kept like WooCommerce does, the recorded catch-up pages.
fn shop(hooks: &Arc<Webhooks>) -> StandIn {
    let h = Arc::clone(hooks);
    let pages = serve_order_pages(recorded_order_pages());
    StandIn::start(move |s: &Seen| {
        if s.path.contains("/webhooks") {
            h.handle(s)
        } else {
            pages(s)
        }
    })
}

struct Running {
    _dir: tempfile::TempDir,
    engine: Engine,
    conn: Connection,
    events: mpsc::Receiver<Event>,
}

impl Running {
    /// An engine on a fresh data folder, set up by `setup` before it opens.
    fn open(setup: impl FnOnce(&Connection)) -> Running {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::at(dir.path().join("data")).unwrap();
        let conn = comptoir_store::open(&data.database()).unwrap();
        setup(&conn);
        let (tx, events) = mpsc::channel();
        let tx = Mutex::new(tx);
        let engine = Engine::open(
            data,
            "test",
            Arc::new(move |e| {
                let _ = tx.lock().unwrap().send(e);
            }),
        )
        .unwrap();
        Running {
            _dir: dir,
            engine,
            conn,
            events,
        }
    }

    fn listen(&self) -> SocketAddr {
        let status = self
            .engine
            .start_listener(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)));
        assert_eq!(status.state, comptoir::ListenerState::Listening);
        self.engine.listening_addr().unwrap()
    }

    /// The next event `pick` accepts, within `secs`.
    fn wait<T>(&self, secs: u64, mut pick: impl FnMut(&Event) -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(e) => {
                    if let Some(t) = pick(&e) {
                        return t;
                    }
                }
                Err(_) => panic!("the expected event did not come within {secs} s"),
            }
        }
    }

    /// Forgets the events so far.
    fn drain(&self) {
        while self.events.try_recv().is_ok() {}
    }

    fn activity(&self) -> Vec<String> {
        let mut stmt = self
            .conn
            .prepare("SELECT message FROM activity ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

fn set(conn: &Connection, key: &str, value: &str) {
    config::set(conn, &ConfigKey::parse(key).unwrap(), value).unwrap();
}

fn with_shop(conn: &Connection, shop: &StandIn) {
    set(conn, "woocommerce.url", &shop.url());
    set(conn, "woocommerce.consumer_key", KEY);
    set(conn, "woocommerce.consumer_secret", SECRET);
    // The catch-up starts just before the recorded scenario, so its pages are the ones served.
    set_setting(conn, sync::CHECKED_UNTIL, "2026-11-28T14:29:37").unwrap();
    set_setting(conn, sync::CHECKED_SHOP, &shop.url()).unwrap();
}

fn webhook_secret(conn: &Connection) -> String {
    config::webhook_secret(conn).unwrap().expose().to_owned()
}

#[test]
fn connect_twice_makes_two_webhooks_once() {
    let hooks = Webhooks::new(Vec::new());
    let shop = shop(&hooks);
    let r = Running::open(|c| {
        with_shop(c, &shop);
        set(c, "tunnel.provider", "manual");
        set(c, "tunnel.public_url", PUBLIC);
    });
    let before = r.engine.connection_state().unwrap();
    assert!(!before.webhooks.connected && before.webhooks.api_key_set);
    r.listen();
    let tunnel = r.engine.wait_for_tunnel(Duration::from_secs(10));
    assert_eq!(tunnel.state, State::Up, "{tunnel:?}");
    let delivery = format!("{PUBLIC}/webhooks/woocommerce");
    assert_eq!(tunnel.delivery_url().as_deref(), Some(delivery.as_str()));

    let first = r.engine.connect_shop().unwrap();
    assert!(first.changed);
    let list = hooks.list();
    assert_eq!(list.len(), 2);
    let topics: Vec<&str> = list.iter().map(|w| w["topic"].as_str().unwrap()).collect();
    assert_eq!(topics, ["order.created", "order.updated"]);
    let secret = webhook_secret(&r.conn);
    for post in shop
        .requests()
        .iter()
        .filter(|s| s.method == "POST" && s.path.ends_with("/webhooks"))
    {
        let body = post.json();
        assert_eq!(body["delivery_url"], delivery.as_str());
        assert_eq!(body["secret"], secret.as_str());
        assert!(body["name"].as_str().unwrap().starts_with("Comptoir"));
    }

    let second = r.engine.connect_shop().unwrap();
    assert_eq!(
        hooks.list().len(),
        2,
        "pressing Connect again made no duplicate"
    );
    assert_eq!(
        shop.requests()
            .iter()
            .filter(|s| s.method == "POST" && s.path.ends_with("/webhooks"))
            .count(),
        2
    );
    // The secret is sent again (WooCommerce never shows it), nothing else changes.
    for put in shop.requests().iter().filter(|s| s.method == "PUT") {
        assert_eq!(put.json(), json!({"secret": secret}));
    }
    assert!(
        second
            .messages
            .iter()
            .all(|m| m.message.contains(&delivery))
    );

    let state = r.engine.connection_state().unwrap();
    assert!(state.webhooks.connected);
    let ids: Vec<u64> = state.webhooks.hooks.iter().map(|h| h.id).collect();
    let in_shop: Vec<u64> = list.iter().map(|w| w["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, in_shop);
    assert!(state.webhooks.last_check.is_some() && state.webhooks.last_problem.is_none());
    assert_eq!(state.delivery_url.as_deref(), Some(delivery.as_str()));
    r.engine.shutdown();
}

/// Connected, then the shop reports one webhook disabled (7 failed deliveries) and the other
/// deleted: the check re-activates the first with the current address and tells the owner why
/// it was disabled, and recreates the second.
#[test]
fn a_disabled_webhook_is_reactivated_and_a_deleted_one_recreated() {
    let hooks = Webhooks::new(Vec::new());
    let shop = shop(&hooks);
    let r = Running::open(|c| {
        with_shop(c, &shop);
        set(c, "tunnel.public_url", PUBLIC);
    });
    r.listen();
    r.engine.wait_for_tunnel(Duration::from_secs(10));
    r.engine.connect_shop().unwrap();
    let delivery = format!("{PUBLIC}/webhooks/woocommerce");
    let (created, updated) = {
        let list = hooks.list();
        (
            list[0]["id"].as_u64().unwrap(),
            list[1]["id"].as_u64().unwrap(),
        )
    };
    hooks.set(created, "status", json!("disabled"));
    hooks.set(
        created,
        "delivery_url",
        json!("https://old-tunnel.trycloudflare.com/webhooks/woocommerce"),
    );
    hooks.remove(updated);
    shop.take_requests();
    r.drain();

    r.engine.check_webhooks_now();
    let (state, messages) = r.wait(30, |e| match e {
        Event::Webhooks { state, messages } if !messages.is_empty() => {
            Some((state.clone(), messages.clone()))
        }
        _ => None,
    });
    let list = hooks.list();
    assert_eq!(list.len(), 2, "{list:?}");
    for w in &list {
        assert_eq!(w["status"], "active");
        assert_eq!(w["delivery_url"], delivery.as_str());
    }
    let requests = shop.take_requests();
    let put = requests.iter().find(|s| s.method == "PUT").unwrap();
    assert_eq!(put.path, format!("/wp-json/wc/v3/webhooks/{created}"));
    let body = put.json();
    assert_eq!(body["status"], "active");
    assert_eq!(body["delivery_url"], delivery.as_str());
    assert_eq!(body["secret"], webhook_secret(&r.conn).as_str());
    let recreated = requests
        .iter()
        .filter(|s| s.method == "POST" && s.path.ends_with("/webhooks"))
        .count();
    assert_eq!(recreated, 1);
    let new_id = list.iter().find(|w| w["topic"] == "order.updated").unwrap()["id"]
        .as_u64()
        .unwrap();
    assert_ne!(new_id, updated);
    // The state shows the webhooks as they are now; the owner reads why.
    let ids: Vec<u64> = state.hooks.iter().map(|h| h.id).collect();
    assert_eq!(ids, [created, new_id]);
    assert!(
        messages
            .iter()
            .any(|m| m.message.contains("disabled by WooCommerce")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.message.contains("no longer in WooCommerce")),
        "{messages:?}"
    );
    // Coded for the window: the recreated webhook names the one that is gone.
    let recreated = messages
        .iter()
        .find(|m| m.code_id() == Some("webhook.recreated"))
        .unwrap_or_else(|| panic!("no webhook.recreated in {messages:?}"));
    assert_eq!(recreated.params["id"], new_id, "{recreated:?}");
    assert_eq!(
        recreated.params["gone"]["params"]["id"], updated,
        "{recreated:?}"
    );
    let log = r.activity();
    assert!(
        log.iter().any(|m| m.contains("disabled by WooCommerce")),
        "{log:?}"
    );
    assert!(
        log.iter()
            .any(|m| m.contains(&format!("webhook {updated} is gone"))),
        "{log:?}"
    );

    // Nothing to heal: the next check changes nothing.
    r.engine.check_webhooks_now();
    r.wait(30, |e| matches!(e, Event::Webhooks { .. }).then_some(()));
    assert!(
        shop.requests().iter().all(|s| s.method == "GET"),
        "{:?}",
        shop.requests()
    );
    r.engine.shutdown();
}

/// A stand-in `cloudflared` (a shell script) printing the real quick-tunnel box: its first run
/// waits for the test's signal and exits, the second gives another address and stays up.
#[cfg(unix)]
#[test]
fn after_a_cloudflared_restart_the_webhooks_follow_and_a_catch_up_runs() {
    use std::os::unix::fs::PermissionsExt;

    const BOX: &str = "+--------------------------------------------------------------------------------------------+";
    const TOP: &str = "|  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |";
    let bin = tempfile::tempdir().unwrap();
    for (n, url) in [(1, URL1), (2, URL2)] {
        let text = format!(
            "2022-07-08T16:13:33Z INF Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out. However, be aware that these account-less Tunnels have no uptime guarantee. If you intend to use Tunnels in production you should use a pre-created named tunnel by following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps\n\
             2022-07-08T16:13:33Z INF Requesting new quick Tunnel on trycloudflare.com...\n\
             2022-07-08T16:13:35Z INF {BOX}\n2022-07-08T16:13:35Z INF {TOP}\n\
             2022-07-08T16:13:35Z INF |  {url:<88}  |\n2022-07-08T16:13:35Z INF {BOX}\n"
        );
        std::fs::write(bin.path().join(format!("run{n}.log")), text).unwrap();
    }
    let exe = bin.path().join("cloudflared");
    std::fs::write(
        &exe,
        "#!/bin/sh\nhere=$(dirname \"$0\")\nprintf '%s\\n' \"$*\" > \"$here/args\"\n\
         n=$(( $(cat \"$here/runs\" 2>/dev/null || echo 0) + 1 ))\necho \"$n\" > \"$here/runs\"\n\
         echo \"$$\" > \"$here/pid.$n\"\ncat \"$here/run$n.log\" >&2\n\
         if [ \"$n\" = 1 ]; then\n  while [ ! -f \"$here/go\" ]; do sleep 0.1; done\n\
         echo '2024-11-26T09:11:32Z ERR Serve tunnel error error=\"TLS handshake with edge error: EOF\" connIndex=0 event=0 ip=198.18.0.50' >&2\n  exit 1\nfi\n\
         exec sleep 600\n",
    )
    .unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();

    let hooks = Webhooks::new(Vec::new());
    let shop = shop(&hooks);
    let r = Running::open(|c| {
        with_shop(c, &shop);
        set(c, "tunnel.provider", "cloudflared");
        set(c, "tunnel.cloudflared_path", exe.to_str().unwrap());
    });
    let addr = r.listen();
    let tunnel = r.engine.wait_for_tunnel(Duration::from_secs(20));
    assert_eq!(tunnel.public_url.as_deref(), Some(URL1), "{tunnel:?}");
    let args = std::fs::read_to_string(bin.path().join("args")).unwrap();
    assert_eq!(
        args.trim(),
        format!("tunnel --url http://127.0.0.1:{}", addr.port())
    );
    r.engine.connect_shop().unwrap();
    for w in hooks.list() {
        assert_eq!(
            w["delivery_url"],
            format!("{URL1}/webhooks/woocommerce").as_str()
        );
    }
    shop.take_requests();

    // The tunnel drops; cloudflared is started again and gets another address.
    std::fs::write(bin.path().join("go"), "").unwrap();
    let down = r.wait(20, |e| match e {
        Event::Tunnel(t) if t.state == State::Down => Some(t.clone()),
        _ => None,
    });
    assert!(
        down.reason
            .as_ref()
            .unwrap()
            .message
            .contains("TLS handshake"),
        "{down:?}"
    );
    // cloudflared's exit reaches the window with its code and its own last words as a value.
    let reason = down.reason.as_ref().unwrap();
    assert_eq!(
        reason.code_id(),
        Some("tunnel.cloudflared_restarting"),
        "{reason:?}"
    );
    assert!(
        reason.params["last_words"]["params"]["words"]
            .as_str()
            .is_some_and(|w| w.contains("TLS handshake")),
        "{reason:?}"
    );
    let up = r.wait(30, |e| match e {
        Event::Tunnel(t) if t.state == State::Up => Some(t.clone()),
        _ => None,
    });
    assert_eq!(up.public_url.as_deref(), Some(URL2));
    assert_eq!(up.restarts, 1);
    let moved = r.wait(30, |e| match e {
        Event::Webhooks { messages, .. } if !messages.is_empty() => Some(messages.clone()),
        _ => None,
    });
    let delivery2 = format!("{URL2}/webhooks/woocommerce");
    assert!(
        moved.iter().all(|m| m.message.contains(&delivery2)),
        "{moved:?}"
    );
    for w in hooks.list() {
        assert_eq!(w["delivery_url"], delivery2.as_str());
        assert_eq!(w["status"], "active");
    }
    // Then the catch-up, for what the dead address missed.
    r.wait(30, |e| {
        matches!(e, Event::CatchUp { error: None, .. }).then_some(())
    });
    let requests = shop.requests();
    let first_put = requests.iter().position(|s| s.method == "PUT").unwrap();
    let catch_up = requests
        .iter()
        .rposition(|s| s.method == "GET" && s.path.ends_with("/orders"))
        .unwrap();
    assert!(catch_up > first_put, "the catch-up ran after the move");
    assert_eq!(
        requests.iter().filter(|s| s.method == "PUT").count(),
        2,
        "both webhooks moved once"
    );
    let state = r.engine.connection_state().unwrap();
    assert_eq!(state.delivery_url.as_deref(), Some(delivery2.as_str()));
    assert_eq!(
        comptoir_store::settings::get_setting(&r.conn, comptoir::reach::PUBLISHED_URL_KEY)
            .unwrap()
            .as_deref(),
        Some(URL2)
    );

    // Stopped with the engine: no cloudflared left behind.
    let pid: u32 = std::fs::read_to_string(bin.path().join("pid.2"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(std::path::Path::new(&format!("/proc/{pid}")).exists());
    r.engine.shutdown();
    let gone = Instant::now() + Duration::from_secs(5);
    while std::path::Path::new(&format!("/proc/{pid}/status")).exists()
        && std::fs::read_to_string(format!("/proc/{pid}/status"))
            .map(|s| !s.contains("State:\tZ"))
            .unwrap_or(false)
    {
        assert!(
            Instant::now() < gone,
            "cloudflared still runs after shutdown"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(r.engine.tunnel_state().state, State::Down);
}

/// Manual set-up without API keys: the public address is the real listener itself. The test
/// reaches this engine (and only the webhook path answers); another server does not count.
#[test]
fn the_round_trip_reaches_this_listener_and_nothing_else() {
    let r = Running::open(|_| {});
    let addr = r.listen();
    let public = format!("http://{addr}");
    // Set raw: the setting refuses http://, which WooCommerce would not call.
    set_setting(&r.conn, "tunnel.public_url", &public).unwrap();
    r.engine.restart_tunnel();
    let tunnel = r.engine.wait_for_tunnel(Duration::from_secs(10));
    assert_eq!(tunnel.state, State::Down);
    assert!(tunnel.reason.unwrap().message.contains("https://"));

    let trip = r.engine.test_public_url();
    assert!(trip.ok, "{trip:?}");
    assert_eq!(trip.status, Some(200));
    assert_eq!(trip.url, format!("{public}/webhooks/woocommerce"));
    assert!(trip.millis.unwrap() < 15_000);
    assert!(
        trip.message.message.contains("received its own test"),
        "{}",
        trip.message
    );
    // It works from here, but WooCommerce would refuse this address, and says so.
    assert!(trip.warning.unwrap().message.contains("https://"));
    // The test is not a ping from the shop: nothing in the activity log.
    assert!(
        r.activity()
            .iter()
            .all(|m| !m.to_lowercase().contains("ping"))
    );

    // Through the same address, nothing but the webhook path.
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    for path in [
        "/",
        "/api/orders",
        "/webhooks",
        "/webhooks/woocommerce/../settings",
        "/index.html",
    ] {
        let status = agent
            .get(&format!("{public}{path}"))
            .call()
            .unwrap()
            .status();
        assert_eq!(status.as_u16(), 404, "{path}");
    }
    let status = agent
        .post(&format!("{public}/documents"))
        .send("webhook_id=1")
        .unwrap()
        .status();
    assert_eq!(status.as_u16(), 404);
    let status = agent
        .get(&format!("{public}/webhooks/woocommerce"))
        .call()
        .unwrap()
        .status();
    assert_eq!(status.as_u16(), 405);

    // Nothing of this needs the API key, and nothing calls a shop without it.
    let state = r.engine.connection_state().unwrap();
    assert!(!state.webhooks.connected && !state.webhooks.api_key_set);
    let e = r.engine.connect_shop().unwrap_err().to_string();
    assert!(e.contains("no address to deliver to"), "{e}");

    // Another server at the address: it answers 200, but not with this engine's nonce.
    let other = StandIn::start(|_s: &Seen| Recorded {
        status: 200,
        headers: vec![("Server".into(), "nginx".into())],
        body: b"ok\n".to_vec(),
    });
    let trip = r.engine.test_url(&other.url());
    assert!(!trip.ok);
    assert!(
        trip.message.message.contains("Another server answered"),
        "{}",
        trip.message
    );
    assert!(trip.message.message.contains("nginx"), "{}", trip.message);
    let seen = other.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/webhooks/woocommerce");
    let body = String::from_utf8(seen[0].body.clone()).unwrap();
    let nonce: u64 = body.strip_prefix("webhook_id=").unwrap().parse().unwrap();
    assert!(nonce > 1 << 50);
    assert!(seen[0].header("X-WC-Webhook-Signature").is_none());

    // A server without the path, one that is gone, a name that does not exist.
    let missing = StandIn::start(|_s: &Seen| standin::not_found());
    let trip = r.engine.test_url(&missing.url());
    assert!(!trip.ok && trip.status == Some(404));
    assert!(trip.message.message.contains("404"), "{}", trip.message);
    let gone = missing.url();
    drop(missing);
    let trip = r.engine.test_url(&gone);
    assert!(!trip.ok && trip.status.is_none(), "{trip:?}");
    assert!(trip.message.message.contains("failed"), "{}", trip.message);
    let trip = r.engine.test_url("https://no-such-tunnel.invalid");
    assert!(!trip.ok);
    assert!(
        trip.message.message.contains("was not found (DNS)"),
        "{}",
        trip.message
    );
    r.engine.shutdown();
}

/// ngrok runs in process with the owner's authtoken; without one it says what to do, and
/// nothing is started.
#[test]
fn ngrok_without_an_authtoken_says_so_and_a_new_provider_takes_over() {
    let r = Running::open(|c| set(c, "tunnel.provider", "ngrok"));
    r.listen();
    let tunnel = r.engine.wait_for_tunnel(Duration::from_secs(10));
    assert_eq!(tunnel.provider, "ngrok");
    assert_eq!(tunnel.state, State::Down);
    assert!(tunnel.available);
    let reason = tunnel.reason.unwrap();
    assert!(reason.message.contains("authtoken"), "{reason}");
    // Coded for the window, so the owner reads it in their language.
    assert_eq!(
        reason.code_id(),
        Some("tunnel.ngrok.no_authtoken"),
        "{reason:?}"
    );
    let trip = r.engine.test_public_url();
    assert!(
        !trip.ok && trip.message.message.contains("authtoken"),
        "{trip:?}"
    );
    // Switching the provider in the settings restarts the tunnel by itself.
    set(&r.conn, "tunnel.provider", "manual");
    set(&r.conn, "tunnel.public_url", PUBLIC);
    let up = r.wait(15, |e| match e {
        Event::Tunnel(t) if t.state == State::Up => Some(t.clone()),
        _ => None,
    });
    assert_eq!(up.provider, "manual");
    assert_eq!(up.public_url.as_deref(), Some(PUBLIC));
    r.engine.shutdown();
}

/// `comptoir connect`: alone, it runs the listener and tunnel itself; while another Comptoir
/// runs, it uses that one's public address. Twice makes no duplicates.
#[test]
fn comptoir_connect_on_the_command_line() {
    let hooks = Webhooks::new(Vec::new());
    let shop = shop(&hooks);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    {
        let conn = comptoir_store::open(&DataDir::at(data.clone()).unwrap().database()).unwrap();
        with_shop(&conn, &shop);
        set(&conn, "listener.port", &port.to_string());
        set(&conn, "tunnel.public_url", PUBLIC);
    }
    let run = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_comptoir"))
            .arg("--data-dir")
            .arg(&data)
            .arg("connect")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        text
    };
    let delivery = format!("{PUBLIC}/webhooks/woocommerce");
    let first = run();
    assert!(first.contains("was created"), "{first}");
    assert!(first.contains(&delivery), "{first}");
    assert_eq!(hooks.list().len(), 2);
    let second = run();
    assert!(!second.contains("was created"), "{second}");
    assert_eq!(hooks.list().len(), 2, "no duplicates");

    // With the app (here an engine in this test) running, its public address is used.
    let engine = Engine::open(
        DataDir::at(data.clone()).unwrap(),
        "the test app",
        Arc::new(|_| {}),
    )
    .unwrap();
    engine.start_listener(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)));
    assert_eq!(
        engine.wait_for_tunnel(Duration::from_secs(10)).state,
        State::Up
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    let third = loop {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_comptoir"))
            .arg("--data-dir")
            .arg(&data)
            .arg("connect")
            .output()
            .unwrap();
        if out.status.success() || Instant::now() > deadline {
            break String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
        }
        // The running engine publishes its address a moment after the tunnel is up.
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(
        third.contains("Using the public address of the test app"),
        "{third}"
    );
    assert_eq!(hooks.list().len(), 2);
    engine.shutdown();
}

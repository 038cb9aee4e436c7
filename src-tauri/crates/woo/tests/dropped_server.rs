//! What Comptoir relies on from its patched tiny_http (vendor/tiny_http/PATCHED.md, change 2):
//! a dropped `Server` leaves no client waiting. A request read but never taken by `recv()` is
//! answered 503, and a connection kept alive is closed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::net::TcpListener;
use std::time::Duration;

use comptoir_testkit::{capture, connect_raw, raw_request, read_answer, wait_closed};

fn server() -> (tiny_http::Server, std::net::SocketAddr) {
    let tcp = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = tcp.local_addr().unwrap();
    (tiny_http::Server::from_listener(tcp, None).unwrap(), addr)
}

/// A delivery (2 KB, more than tiny_http reads ahead, so its connection's thread waits for the
/// body to be taken) that arrived while nobody called `recv()` any more.
#[test]
fn a_request_nobody_took_is_answered_503_when_the_server_is_dropped() {
    let (server, addr) = server();
    let mut stream = connect_raw(addr).unwrap();
    let delivery = capture("s03", "001");
    assert!(delivery.body.len() > 1024);
    stream
        .write_all(&raw_request(addr, &delivery, false))
        .unwrap();
    // Time for the connection's thread to read the head and queue the request.
    std::thread::sleep(Duration::from_millis(300));
    drop(server);
    let answer = read_answer(&mut stream);
    assert!(matches!(answer, Ok(503)), "answer: {answer:?}");
}

/// A connection kept open after its answer is closed when the server is dropped, so that a
/// client pooling connections opens a new one instead of waiting on this one.
#[test]
fn a_kept_alive_connection_is_closed_when_the_server_is_dropped() {
    let (server, addr) = server();
    let mut stream = connect_raw(addr).unwrap();
    stream
        .write_all(&raw_request(addr, &capture("s03", "001"), false))
        .unwrap();
    let mut request = server.recv().unwrap();
    let mut body = Vec::new();
    request.as_reader().read_to_end(&mut body).unwrap();
    request.respond(tiny_http::Response::empty(200)).unwrap();
    assert!(matches!(read_answer(&mut stream), Ok(200)));

    drop(server);
    if let Err(e) = wait_closed(&mut stream) {
        panic!("the connection stayed open: {e}");
    }
}

/// A client that sent the head and part of the body, then stopped, does not hold up the drop
/// (the listener's restart): it is answered 503 and the rest of its body is not waited for.
#[test]
fn a_client_stopped_mid_body_does_not_hold_up_the_drop() {
    let (server, addr) = server();
    let mut stream = connect_raw(addr).unwrap();
    let request = raw_request(addr, &capture("s03", "001"), false);
    // More than tiny_http reads ahead (1 KB) is left unsent.
    stream.write_all(&request[..request.len() - 1500]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let (dropped, done) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        drop(server);
        let _ = dropped.send(());
    });
    assert!(
        done.recv_timeout(Duration::from_secs(5)).is_ok(),
        "dropping the server waited for the rest of the body"
    );
    let answer = read_answer(&mut stream);
    assert!(matches!(answer, Ok(503)), "answer: {answer:?}");
}

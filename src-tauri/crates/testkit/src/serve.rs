//! `comptoir serve` as a child process for tests: started on a free port, stopped with SIGTERM
//! (or killed, to test crashes).

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `comptoir serve` in the background, stopped with SIGTERM when dropped.
#[derive(Debug)]
pub struct Serve {
    child: Child,
    pub addr: SocketAddr,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Serve {
    /// Starts `bin serve --listen 127.0.0.1:0` on `data`, with extra environment variables.
    pub fn start(bin: &str, data: &Path, envs: &[(&str, &str)]) -> Serve {
        let mut child = Command::new(bin)
            .envs(envs.iter().copied())
            .arg("--data-dir")
            .arg(data)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let _ = tx.send(line.unwrap());
            }
        });
        let first = lines
            .recv_timeout(Duration::from_secs(20))
            .expect("serve printed nothing");
        let url = first
            .strip_prefix("Comptoir is receiving WooCommerce deliveries at http://")
            .unwrap_or_else(|| panic!("unexpected first line: {first}"));
        let addr = url
            .trim_end_matches("/webhooks/woocommerce")
            .parse()
            .unwrap();
        Serve { child, addr, lines }
    }

    /// Sends SIGTERM and waits; returns the exit status and what was printed after.
    pub fn stop(mut self) -> (std::process::ExitStatus, Vec<String>) {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let rest: Vec<String> = self.lines.try_iter().collect();
                return (status, rest);
            }
            assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    /// Kills the process at once (SIGKILL), as a crash or a power cut would.
    pub fn crash(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The lines printed so far.
    pub fn printed(&self) -> Vec<String> {
        self.lines.try_iter().collect()
    }
}

/// Runs `bin --data-dir DATA ARGS…` to completion.
pub fn run(bin: &str, data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

/// Runs a command that must succeed; returns its standard output.
pub fn run_ok(bin: &str, data: &Path, args: &[&str]) -> String {
    let out = run(bin, data, args);
    assert!(
        out.status.success(),
        "comptoir {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail; returns its standard error.
pub fn run_refused(bin: &str, data: &Path, args: &[&str]) -> String {
    let out = run(bin, data, args);
    assert!(!out.status.success(), "comptoir {args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

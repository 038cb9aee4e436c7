//! A real SMTP server for tests: aiosmtpd (Python), started per test by `smtp/smtp_sink.py`,
//! which writes what it receives to a folder (read back with Python's own MIME parser, so a
//! check does not trust lettre to judge lettre) and answers 4xx/5xx for chosen addresses.
//!
//! aiosmtpd is looked for in `<target>/py/aiosmtpd` (or `COMPTOIR_AIOSMTPD_PATH`); the test
//! command installs it with `python3 -m pip install --target target/py/aiosmtpd aiosmtpd`.
//! Without it the tests fail and say so — they are never skipped.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

pub fn target_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is <target>/tmp, whatever CARGO_TARGET_DIR says.
    target_tmp()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"))
}

pub fn aiosmtpd_path() -> PathBuf {
    std::env::var_os("COMPTOIR_AIOSMTPD_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("py").join("aiosmtpd"))
}

/// A running SMTP sink; stopped (stdin closed, then killed if need be) when dropped.
#[derive(Debug)]
pub struct Sink {
    child: Child,
    stdin: Option<ChildStdin>,
    pub port: u16,
    pub dir: PathBuf,
}

impl Sink {
    pub fn start(args: &[&str]) -> Sink {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = target_tmp().join(format!(
            "smtp-sink-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();

        let lib = aiosmtpd_path();
        let python_path = match std::env::var_os("PYTHONPATH") {
            Some(existing) => {
                let mut paths = vec![lib.clone()];
                paths.extend(std::env::split_paths(&existing));
                std::env::join_paths(paths).unwrap()
            }
            None => lib.clone().into_os_string(),
        };
        let python = std::env::var("COMPTOIR_PYTHON").unwrap_or_else(|_| "python3".into());
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("smtp/smtp_sink.py");
        let install = format!(
            "Install aiosmtpd with: python3 -m pip install --target {} aiosmtpd",
            lib.display()
        );
        let mut child = Command::new(&python)
            .arg(&script)
            .arg(&dir)
            .args(args)
            .env("PYTHONPATH", python_path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("could not run {python} for the SMTP test server: {e}. {install}")
            });

        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_default();
        let port = line
            .trim()
            .strip_prefix("READY ")
            .and_then(|p| p.parse::<u16>().ok());
        let Some(port) = port else {
            let _ = child.kill();
            let output = child.wait_with_output().ok();
            let stderr = output
                .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
                .unwrap_or_default();
            panic!(
                "The SMTP test server (aiosmtpd) did not start. {install}\n--- its output:\n{line}{stderr}"
            );
        };
        Sink {
            stdin: child.stdin.take(),
            child,
            port,
            dir,
        }
    }

    /// A sink on a chosen port (to stop it and start it again where the client expects it).
    pub fn start_on(port: u16, args: &[&str]) -> Sink {
        let port = port.to_string();
        let mut all = vec!["--port", port.as_str()];
        all.extend_from_slice(args);
        Sink::start(&all)
    }

    /// Waits until `n` messages arrived (or `timeout` passed) and returns what arrived.
    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let got = self.received();
            if got.len() >= n || Instant::now() > deadline {
                return got;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The summaries of the messages received so far, in order.
    pub fn received(&self) -> Vec<Value> {
        let mut numbered: Vec<(u32, Value)> = std::fs::read_dir(&self.dir)
            .unwrap()
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                let n: u32 = path
                    .file_name()?
                    .to_str()?
                    .strip_suffix(".json")?
                    .parse()
                    .ok()?;
                let text = std::fs::read_to_string(&path).ok()?;
                Some((n, serde_json::from_str(&text).unwrap()))
            })
            .collect();
        numbered.sort_by_key(|(n, _)| *n);
        numbered.into_iter().map(|(_, v)| v).collect()
    }

    pub fn file(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.dir.join(name)).unwrap()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Sink {
    /// Stops the sink (closing stdin asks it to; one that hangs is killed); its folder is kept only when the test failed, to look at.
    pub fn stop(&mut self) {
        self.stdin.take();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// `<target>/tmp` for sink folders: the test binary lives in `<target>/debug/deps`.
fn target_tmp() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent()?.parent().map(|t| t.join("tmp")))
        .unwrap_or_else(std::env::temp_dir)
}

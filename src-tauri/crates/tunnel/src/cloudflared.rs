//! A cloudflared quick tunnel. cloudflared logs (on stderr) a box with the assigned address:
//!
//! ```text
//! 2022-07-08T16:13:35Z INF +--------------------------------------------------------------------------------------------+
//! 2022-07-08T16:13:35Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |
//! 2022-07-08T16:13:35Z INF |  https://encouraged-slope-jul-leader.trycloudflare.com                                     |
//! 2022-07-08T16:13:35Z INF +--------------------------------------------------------------------------------------------+
//! ```
//!
//! A supervisor thread runs it, reads that address, reports every new one, restarts cloudflared
//! with a growing pause when it exits, and stops it (its whole process group) on [`Provider::stop`]
//! or drop.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::supervise::{self, Backoff, Supervision, Tracker};
use crate::{CloudflaredEnd, Provider, Status, TunnelError};

/// Timings of the supervisor.
#[derive(Debug, Clone)]
pub struct CloudflaredOptions {
    /// How long cloudflared may take to print its address before it is restarted.
    pub url_timeout: Duration,
    /// The pause before the first restart; it doubles at each failure in a row…
    pub first_backoff: Duration,
    /// …up to this.
    pub max_backoff: Duration,
    /// A tunnel that stayed up this long counts as having worked: the pause starts over.
    pub stable_after: Duration,
}

impl Default for CloudflaredOptions {
    fn default() -> Self {
        CloudflaredOptions {
            url_timeout: Duration::from_secs(60),
            first_backoff: supervise::FIRST_BACKOFF,
            max_backoff: supervise::MAX_BACKOFF,
            stable_after: supervise::STABLE_AFTER,
        }
    }
}

/// A cloudflared quick tunnel to `http://127.0.0.1:local_port`.
pub struct Cloudflared {
    exe: PathBuf,
    local_port: u16,
    options: CloudflaredOptions,
    supervision: Supervision,
}

impl std::fmt::Debug for Cloudflared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cloudflared")
            .field("exe", &self.exe)
            .field("local_port", &self.local_port)
            .field("status", &self.status())
            .finish()
    }
}

impl Cloudflared {
    /// `exe` is the cloudflared program ([`find_cloudflared`] finds an installed one).
    pub fn new(exe: impl Into<PathBuf>, local_port: u16) -> Cloudflared {
        Cloudflared {
            exe: exe.into(),
            local_port,
            options: CloudflaredOptions::default(),
            supervision: Supervision::new("cloudflared"),
        }
    }

    pub fn with_options(mut self, options: CloudflaredOptions) -> Cloudflared {
        self.options = options;
        self
    }

    /// Called (from the supervisor thread) with each new public address: the first one and
    /// every one after a restart. The webhooks must be moved to it.
    pub fn on_url_change(mut self, f: impl Fn(&str) + Send + Sync + 'static) -> Cloudflared {
        self.supervision.tracker.on_url_change(f);
        self
    }

    /// Called (from the supervisor thread) at every change of state, for the connection screen.
    pub fn on_status(mut self, f: impl Fn(&Status) + Send + Sync + 'static) -> Cloudflared {
        self.supervision.tracker.on_status(f);
        self
    }

    /// Long enough for one run to give its address or be given up on.
    fn patience(&self) -> Duration {
        self.options.url_timeout + Duration::from_secs(10)
    }
}

impl Provider for Cloudflared {
    fn name(&self) -> &'static str {
        "cloudflared"
    }

    /// Starts cloudflared and returns its address. If the first run fails, the error says why,
    /// and the supervisor keeps restarting it (with a pause) until [`Provider::stop`]; a later
    /// address comes through [`Cloudflared::on_url_change`].
    fn start(&mut self) -> Result<String, TunnelError> {
        let patience = self.patience();
        let exe = &self.exe;
        self.supervision.start(
            patience,
            |tracker| {
                let supervisor = Supervisor {
                    exe: exe.clone(),
                    local_port: self.local_port,
                    options: self.options.clone(),
                    tracker,
                };
                move || supervisor.run()
            },
            |e| TunnelError::Spawn {
                exe: exe.display().to_string(),
                reason: e.to_string(),
            },
        )
    }

    fn status(&self) -> Status {
        self.supervision.tracker.status()
    }

    fn stop(&mut self) {
        self.supervision.stop(|| {});
    }
}

impl Drop for Cloudflared {
    fn drop(&mut self) {
        if self.supervision.started() {
            self.stop();
        }
    }
}

/// Everything the supervisor thread needs.
struct Supervisor {
    exe: PathBuf,
    local_port: u16,
    options: CloudflaredOptions,
    tracker: Tracker,
}

/// How one cloudflared run ended.
enum End {
    /// Its output closed: it exited (or closed it, which it does only when exiting).
    Exited,
    NoAddress,
    Stopped,
}

impl Supervisor {
    fn run(self) {
        let o = &self.options;
        let mut backoff = Backoff::new(o.first_backoff, o.max_backoff, o.stable_after);
        loop {
            if self.tracker.stopping() {
                return;
            }
            self.tracker.starting();
            let mut child = match self.spawn() {
                Ok(c) => c,
                Err(e) => {
                    // Nothing to restart: the program is missing or not runnable.
                    self.tracker.give_up(e);
                    return;
                }
            };
            let lines = read_lines(&mut child);
            let started = Instant::now();
            let mut log = Log::default();
            let end = self.watch(&lines, started, &mut log);
            let exit = stop_child(&mut child, &lines);
            let had_address = log.address.is_some();
            if matches!(end, End::Stopped) || self.tracker.stopping() {
                return;
            }
            let pause = backoff.after(started, had_address);
            let end = match end {
                End::NoAddress => CloudflaredEnd::NoAddress {
                    within_secs: o.url_timeout.as_secs(),
                },
                _ if had_address => CloudflaredEnd::Exited { exit },
                _ => CloudflaredEnd::ExitedWithoutAddress { exit },
            };
            let error = TunnelError::CloudflaredRestarting {
                end,
                last_words: log.last_error.or(log.last_line),
                restart_in_secs: supervise::whole_secs(pause),
            };
            self.tracker.retry(error.clone(), error);
            // The pause, cut short by stop().
            self.tracker.pause(pause);
        }
    }

    fn spawn(&self) -> Result<Child, TunnelError> {
        let mut cmd = Command::new(&self.exe);
        cmd.arg("tunnel")
            .arg("--url")
            .arg(format!("http://127.0.0.1:{}", self.local_port))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // Its own process group, so stopping it stops anything it started too.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        cmd.spawn().map_err(|e| {
            let exe = self.exe.display().to_string();
            if e.kind() == std::io::ErrorKind::NotFound {
                TunnelError::NotInstalled { exe }
            } else {
                TunnelError::Spawn {
                    exe,
                    reason: e.to_string(),
                }
            }
        })
    }

    /// Reads cloudflared's log until it ends, gives no address in time, or stop() is called.
    fn watch(&self, lines: &Receiver<String>, started: Instant, log: &mut Log) -> End {
        loop {
            match lines.recv_timeout(Duration::from_millis(100)) {
                Ok(line) => {
                    if log.address.is_none()
                        && let Some(url) = parse_quick_tunnel_url(&line)
                    {
                        log.address = Some(url.clone());
                        self.tracker.up(url);
                    } else {
                        log.keep(&line);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return End::Exited,
            }
            if self.tracker.stopping() {
                return End::Stopped;
            }
            if log.address.is_none() && started.elapsed() >= self.options.url_timeout {
                return End::NoAddress;
            }
        }
    }
}

/// What cloudflared said that may explain its end.
#[derive(Default)]
struct Log {
    address: Option<String>,
    last_error: Option<String>,
    last_line: Option<String>,
}

impl Log {
    fn keep(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        let short: String = line.chars().take(300).collect();
        if line.contains(" ERR ") || line.contains(" FTL ") || line.contains("error=") {
            self.last_error = Some(short.clone());
        }
        self.last_line = Some(short);
    }
}

/// Both output streams, line by line, into one channel that closes when both have ended.
fn read_lines(child: &mut Child) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let streams: [Option<Box<dyn Read + Send>>; 2] = [
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ];
    for stream in streams.into_iter().flatten() {
        let tx = tx.clone();
        // A thread per stream; it ends when the stream closes (cloudflared exited).
        let _ = std::thread::Builder::new()
            .name("cloudflared-log".to_owned())
            .spawn(move || {
                let mut reader = BufReader::new(stream);
                let mut buf = Vec::new();
                loop {
                    buf.clear();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {
                            let line = String::from_utf8_lossy(&buf).trim_end().to_owned();
                            if tx.send(line).is_err() {
                                return;
                            }
                        }
                    }
                }
            });
    }
    rx
}

/// Stops cloudflared and its process group, and returns how it ended. The group is signalled
/// only while its leader is not yet reaped, so its id cannot belong to another process.
fn stop_child(child: &mut Child, lines: &Receiver<String>) -> String {
    #[cfg(unix)]
    {
        use nix::sys::signal::{Signal, killpg};
        use nix::unistd::Pid;
        let group = i32::try_from(child.id()).ok().map(Pid::from_raw);
        if let Some(g) = group {
            let _ = killpg(g, Signal::SIGTERM);
        }
        // Grace: until every process of the group has closed the log pipes, at most 3 s.
        let deadline = Instant::now() + Duration::from_secs(3);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match lines.recv_timeout(left.min(Duration::from_millis(100))) {
                Ok(_) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        if let Some(g) = group {
            let _ = killpg(g, Signal::SIGKILL);
        }
    }
    #[cfg(not(unix))]
    {
        let _ = lines;
        let _ = child.kill();
    }
    match child.wait() {
        Ok(s) => s.to_string(),
        Err(e) => format!("its end could not be read: {e}"),
    }
}

/// The quick-tunnel address in a cloudflared log line (`https://<words>.trycloudflare.com`),
/// if there is one. Other addresses cloudflared prints (its API, docs) are not taken.
pub fn parse_quick_tunnel_url(line: &str) -> Option<String> {
    line.match_indices("https://").find_map(|(i, _)| {
        let rest = &line[i + "https://".len()..];
        let token = rest
            .split(|c: char| c.is_whitespace() || c == '|' || c == '"')
            .next()?
            .trim_end_matches('/');
        let label = token.strip_suffix(".trycloudflare.com")?;
        let valid = !label.is_empty()
            && label != "api"
            && label
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        valid.then(|| format!("https://{token}"))
    })
}

/// An installed cloudflared: on the `PATH`, or where its installers put it.
pub fn find_cloudflared() -> Option<PathBuf> {
    let name = if cfg!(windows) {
        "cloudflared.exe"
    } else {
        "cloudflared"
    };
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if cfg!(windows) {
        dirs.push(PathBuf::from(r"C:\Program Files (x86)\cloudflared"));
        dirs.push(PathBuf::from(r"C:\Program Files\cloudflared"));
    } else {
        dirs.extend(
            ["/usr/local/bin", "/opt/homebrew/bin", "/usr/bin"]
                .iter()
                .map(PathBuf::from),
        );
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| is_file(p))
}

fn is_file(p: &Path) -> bool {
    p.metadata().is_ok_and(|m| m.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `false` stands for a cloudflared that exits at once, saying nothing.
    #[cfg(unix)]
    #[test]
    fn the_status_gives_the_reason_as_a_value_and_in_words() {
        let Some(exe) = ["/bin/false", "/usr/bin/false"]
            .into_iter()
            .map(PathBuf::from)
            .find(|p| is_file(p))
        else {
            panic!("no false program on this machine");
        };
        let mut tunnel = Cloudflared::new(exe, 9000).with_options(CloudflaredOptions {
            first_backoff: Duration::from_secs(30),
            ..CloudflaredOptions::default()
        });
        let expected = TunnelError::CloudflaredRestarting {
            end: CloudflaredEnd::ExitedWithoutAddress {
                exit: "exit status: 1".to_owned(),
            },
            last_words: None,
            restart_in_secs: 30,
        };
        assert_eq!(tunnel.start(), Err(expected.clone()));
        let s = tunnel.status();
        assert_eq!(s.error, Some(expected));
        assert_eq!(
            s.reason.as_deref(),
            Some(
                "cloudflared stopped before giving an address (exit status: 1). Comptoir starts it again in 30 s; check this computer's internet connection (Cloudflare also limits how many quick tunnels may be made in a row)."
            )
        );
        tunnel.stop();
        assert_eq!(tunnel.status().error, Some(TunnelError::StoppedOnRequest));
    }

    #[test]
    fn the_quick_tunnel_address_is_read_from_the_box() {
        // cloudflared 2022.7 output (a public README), verbatim.
        let box_line = "2022-07-08T16:13:35Z INF |  https://encouraged-slope-jul-leader.trycloudflare.com                                     |";
        assert_eq!(
            parse_quick_tunnel_url(box_line).as_deref(),
            Some("https://encouraged-slope-jul-leader.trycloudflare.com")
        );
        for other in [
            "2022-07-08T16:13:33Z INF Requesting new quick Tunnel on trycloudflare.com...",
            "2022-07-08T16:13:35Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |",
            "2022-07-08T16:13:33Z INF Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out. However, be aware that these account-less Tunnels have no uptime guarantee. If you intend to use Tunnels in production you should use a pre-created named tunnel by following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps",
            "POST https://api.trycloudflare.com/tunnel failed",
            "https://x.trycloudflare.com.evil.example/",
            "https://.trycloudflare.com",
        ] {
            assert_eq!(parse_quick_tunnel_url(other), None, "{other}");
        }
    }
}

//! When the outbox tries again after a temporary failure, and when it stops.
//!
//! Quick retries first (a Wi-Fi hiccup, a greylisting server that wants a second try after a
//! minute or two), then hourly, which is gentle on the server and still delivers within the
//! hour once it is back. The outbox gives up only after a full day *and* as many attempts as
//! that day holds: a laptop closed over the weekend has not been trying, and the first attempt
//! on Monday morning, made before the Wi-Fi is up, must not be the last.

use std::time::Duration;

/// Minutes to wait after the 1st, 2nd, … failure; after these, every hour.
const FIRST_WAITS_MINUTES: [u64; 5] = [1, 2, 5, 10, 30];
const THEN_EVERY_MINUTES: u64 = 60;

/// How long to wait before trying again after `attempt` failed attempts (1 after the first
/// failure; 0 is read as 1): 1, 2, 5, 10 and 30 minutes, then every hour.
pub fn backoff(attempt: u32) -> Duration {
    let index = usize::try_from(attempt.max(1) - 1).unwrap_or(usize::MAX);
    let minutes = FIRST_WAITS_MINUTES
        .get(index)
        .copied()
        .unwrap_or(THEN_EVERY_MINUTES);
    Duration::from_secs(minutes * 60)
}

/// How long temporary failures are retried, counted from the first failure: one day, so a
/// server that is down for a night still gets the message.
pub fn give_up_after() -> Duration {
    Duration::from_secs(24 * 60 * 60)
}

/// How many failed attempts the schedule makes within [`give_up_after`] (29): the outbox does
/// not give up before it has tried that often.
pub fn attempts_before_giving_up() -> u32 {
    let mut waited = Duration::ZERO;
    let mut attempts = 0;
    while waited < give_up_after() {
        attempts += 1;
        waited += backoff(attempts);
    }
    attempts
}

/// Whether the outbox stops retrying a message: it has failed `failed_attempts` times, the
/// first of them `since_first_failure` ago. Both a day and the full schedule must have passed
/// (see the module documentation).
pub fn should_give_up(failed_attempts: u32, since_first_failure: Duration) -> bool {
    since_first_failure >= give_up_after() && failed_attempts >= attempts_before_giving_up()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(m: u64) -> Duration {
        Duration::from_secs(m * 60)
    }

    #[test]
    fn schedule() {
        assert_eq!(backoff(0), minutes(1));
        assert_eq!(backoff(1), minutes(1));
        assert_eq!(backoff(2), minutes(2));
        assert_eq!(backoff(3), minutes(5));
        assert_eq!(backoff(4), minutes(10));
        assert_eq!(backoff(5), minutes(30));
        assert_eq!(backoff(6), minutes(60));
        assert_eq!(backoff(u32::MAX), minutes(60));
    }

    #[test]
    fn retries_cover_at_least_a_day() {
        let n = attempts_before_giving_up();
        assert_eq!(n, 29);
        let total: Duration = (1..=n).map(backoff).sum();
        assert!(total >= give_up_after(), "{total:?}");
        let one_less: Duration = (1..n).map(backoff).sum();
        assert!(one_less < give_up_after(), "{one_less:?}");
    }

    #[test]
    fn gives_up_only_after_a_day_of_trying() {
        let day = give_up_after();
        assert!(!should_give_up(29, day - Duration::from_secs(1)));
        assert!(should_give_up(29, day));
        // Three days closed, then two failures: keep trying.
        assert!(!should_give_up(2, day * 3));
        assert!(!should_give_up(1000, minutes(10)));
    }
}

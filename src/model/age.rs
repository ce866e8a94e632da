//! How long ago a comment was posted, in the largest unit that fits. This
//! picks the number and the unit; `Text::ago` says it in words.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeUnit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A moment on the reader's wall clock (the browser's time zone), for the
/// full date and time shown on a comment's time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
    /// 0 to 23.
    pub hour: u32,
    pub minute: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Age {
    /// Under a minute, or slightly in the future (another tab's clock).
    JustNow,
    Ago(u64, AgeUnit),
}

const MINUTE: f64 = 60_000.0;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;

pub fn age(now_ms: f64, then_ms: f64) -> Age {
    let elapsed = now_ms - then_ms;
    if !elapsed.is_finite() || elapsed < MINUTE {
        return Age::JustNow;
    }
    let (unit, size) = match elapsed {
        e if e < HOUR => (AgeUnit::Minute, MINUTE),
        e if e < DAY => (AgeUnit::Hour, HOUR),
        e if e < 7.0 * DAY => (AgeUnit::Day, DAY),
        e if e < 30.0 * DAY => (AgeUnit::Week, 7.0 * DAY),
        e if e < 365.0 * DAY => (AgeUnit::Month, 30.0 * DAY),
        _ => (AgeUnit::Year, 365.0 * DAY),
    };
    Age::Ago((elapsed / size).floor() as u64, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_largest_unit_that_fits() {
        let now = 1_000.0 * DAY;
        assert_eq!(age(now, now), Age::JustNow);
        assert_eq!(age(now, now - 59_999.0), Age::JustNow);
        assert_eq!(age(now, now + 5.0 * MINUTE), Age::JustNow);
        assert_eq!(age(now, now - MINUTE), Age::Ago(1, AgeUnit::Minute));
        assert_eq!(age(now, now - 5.5 * MINUTE), Age::Ago(5, AgeUnit::Minute));
        assert_eq!(age(now, now - 3.0 * HOUR), Age::Ago(3, AgeUnit::Hour));
        assert_eq!(age(now, now - 2.0 * DAY), Age::Ago(2, AgeUnit::Day));
        assert_eq!(age(now, now - 14.0 * DAY), Age::Ago(2, AgeUnit::Week));
        assert_eq!(age(now, now - 60.0 * DAY), Age::Ago(2, AgeUnit::Month));
        assert_eq!(age(now, now - 800.0 * DAY), Age::Ago(2, AgeUnit::Year));
        assert_eq!(age(now, f64::NAN), Age::JustNow);
    }
}

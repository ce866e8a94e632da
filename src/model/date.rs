//! Dates written in an article (`"date": "2019-03-04T10:15:00Z"`, RFC 3339)
//! as milliseconds since the Unix epoch, the time every comment carries.
//! Written here rather than with a date library: one format, a few hundred
//! bytes of WebAssembly.

/// Reads an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, optional fraction,
/// then `Z` or an offset `±HH:MM`. `t`/`z` and a space for `T` are accepted
/// (RFC 3339 allows them). Anything else, or a date that does not exist
/// (February 30th), is `None`.
pub fn parse_rfc3339(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let number = |from: usize, len: usize| -> Option<i64> {
        let digits = bytes.get(from..from + len)?;
        digits.iter().try_fold(0i64, |n, &b| b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0')))
    };
    let at = |index: usize, expected: &[u8]| bytes.get(index).is_some_and(|b| expected.contains(b));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let (year, month, day) = (number(0, 4)?, number(5, 2)?, number(8, 2)?);
    let (hour, minute, second) = (number(11, 2)?, number(14, 2)?, number(17, 2)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    // 60 is a leap second: it is read as the last second of its minute.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = 19;
    let mut millis = 0.0;
    if at(rest, b".") {
        let digits = bytes.get(rest + 1..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        // Milliseconds from the first three digits, by hand: `str::parse`
        // for floats would bring the standard library's float parser into
        // the WebAssembly (serde_json has its own).
        let padded = (0..3).map(|i| if i < digits { number(rest + 1 + i, 1) } else { Some(0) });
        millis = padded.into_iter().try_fold(0i64, |ms, digit| Some(ms * 10 + digit?))? as f64;
        rest += 1 + digits;
    }
    let offset_minutes = match bytes.get(rest..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (hours, minutes) = (number(rest + 1, 2)?, number(rest + 4, 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let minutes = hours * 60 + minutes;
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    let seconds =
        days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second.min(59) - offset_minutes * 60;
    Some(seconds as f64 * 1000.0 + millis)
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian
/// calendar (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of the proleptic Gregorian calendar `days` after 1970-01-01
/// (Howard Hinnant's `civil_from_days`): year, month 1 to 12, day.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    (era * 400 + year_of_era + i64::from(month <= 2), month, day)
}

/// A time in UTC: where no browser says which time zone the reader is in
/// (HTML written at build time, `crate::prerender`). `None` outside what a
/// JavaScript `Date` can hold, as `Date` would be invalid there.
pub fn utc(ms: f64) -> Option<UtcTime> {
    // ±8.64e15 ms: the range of ECMAScript's time values.
    if !ms.is_finite() || ms.abs() > 8.64e15 {
        return None;
    }
    let ms = ms.trunc() as i64;
    let (days, in_day) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (year, month, day) = civil_from_days(days);
    Some(UtcTime {
        year,
        month: month as u32,
        day: day as u32,
        hour: (in_day / 3_600_000) as u32,
        minute: (in_day / 60_000 % 60) as u32,
        second: (in_day / 1_000 % 60) as u32,
        millis: (in_day % 1_000) as u32,
    })
}

/// A moment as [`utc`] reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub millis: u32,
}

impl UtcTime {
    /// As JavaScript's `Date.prototype.toISOString` writes it
    /// (`2019-03-04T10:15:00.000Z`; six digits and a sign outside years 0 to 9999).
    pub fn iso(&self) -> String {
        let year = match self.year {
            0..=9999 => format!("{:04}", self.year),
            year if year < 0 => format!("-{:06}", -year),
            year => format!("+{year:06}"),
        };
        format!(
            "{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            self.month, self.day, self.hour, self.minute, self.second, self.millis
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_utc_as_javascript_does() {
        let iso = |ms: f64| utc(ms).map(|t| t.iso());
        assert_eq!(iso(0.0).as_deref(), Some("1970-01-01T00:00:00.000Z"));
        assert_eq!(iso(1_551_694_500_250.0).as_deref(), Some("2019-03-04T10:15:00.250Z"));
        assert_eq!(iso(951_782_400_000.0).as_deref(), Some("2000-02-29T00:00:00.000Z"));
        assert_eq!(iso(-1_000.0).as_deref(), Some("1969-12-31T23:59:59.000Z"));
        assert_eq!(iso(253_402_300_800_000.0).as_deref(), Some("+010000-01-01T00:00:00.000Z"));
        assert_eq!(iso(-62_198_755_200_000.0).as_deref(), Some("-000001-01-01T00:00:00.000Z"));
        assert_eq!(iso(8.64e15 + 1.0), None);
        assert_eq!(iso(f64::NAN), None);
        // Every date the reader reads, read back.
        for text in ["2019-03-04T10:15:00.250Z", "2024-02-29T23:59:59.999Z", "1900-03-01T00:00:00.000Z"] {
            assert_eq!(iso(parse_rfc3339(text).unwrap()).as_deref(), Some(text));
        }
    }

    #[test]
    fn reads_utc_offsets_and_fractions() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(parse_rfc3339("2019-03-04T10:15:00Z"), Some(1_551_694_500_000.0));
        assert_eq!(parse_rfc3339("2019-03-04T12:15:00+02:00"), Some(1_551_694_500_000.0));
        assert_eq!(parse_rfc3339("2019-03-04T05:45:00-04:30"), Some(1_551_694_500_000.0));
        assert_eq!(parse_rfc3339("2019-03-04 10:15:00.250z"), Some(1_551_694_500_250.0));
        assert_eq!(parse_rfc3339("2019-03-04T10:15:00.5Z"), Some(1_551_694_500_500.0));
        assert_eq!(parse_rfc3339("2019-03-04T10:15:00.0129999Z"), Some(1_551_694_500_012.0));
        assert_eq!(parse_rfc3339("2000-02-29T00:00:00Z"), Some(951_782_400_000.0));
        assert_eq!(parse_rfc3339("1969-12-31T23:59:59Z"), Some(-1_000.0));
    }

    #[test]
    fn refuses_what_is_not_a_date_time() {
        for bad in [
            "",
            "2019-03-04",
            "2019-03-04T10:15:00",
            "2019-03-04T10:15Z",
            "2019-02-29T10:15:00Z",
            "2019-13-01T10:15:00Z",
            "2019-03-04T24:00:00Z",
            "2019-03-04T10:15:00.Z",
            "2019-03-04T10:15:00+0200",
            "2019-03-04T10:15:00Z ",
            "٢٠١٩-03-04T10:15:00Z",
            "2019-03-04T10:15:00+02:00:00",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }
}

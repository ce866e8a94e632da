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

#[cfg(test)]
mod tests {
    use super::*;

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

//! Comment dates as the article format writes them: RFC 3339 in UTC to the
//! second, `2019-03-04T10:00:00Z`. A date that is not a real one is left
//! out (the comment is kept without it).

/// WordPress's `wp:comment_date_gmt` (`2019-03-04 10:00:00`); its
/// `0000-00-00 00:00:00` means "not known".
pub fn from_wordpress(gmt: &str) -> Option<String> {
    let (day, time) = gmt.trim().split_once(' ')?;
    checked(day, time)
}

/// Disqus's `createdAt`, RFC 3339 in UTC already (`2019-03-04T10:00:00Z`);
/// fractions of a second are dropped and `+00:00` is written `Z`.
pub fn from_disqus(created_at: &str) -> Option<String> {
    let created_at = created_at.trim();
    let (day, time) = created_at.split_once('T')?;
    let time = time.strip_suffix('Z').or_else(|| time.strip_suffix("+00:00"))?;
    let time = time.split_once('.').map_or(time, |(seconds, _)| seconds);
    checked(day, time)
}

fn checked(day: &str, time: &str) -> Option<String> {
    let number = |text: &str, digits: usize| -> Option<u32> {
        (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
    };
    let mut date = day.split('-');
    let (year, month, day_of_month) = (number(date.next()?, 4)?, number(date.next()?, 2)?, number(date.next()?, 2)?);
    let mut clock = time.split(':');
    let (hour, minute, second) = (number(clock.next()?, 2)?, number(clock.next()?, 2)?, number(clock.next()?, 2)?);
    if date.next().is_some() || clock.next().is_some() {
        return None;
    }
    let real = year > 0
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day_of_month)
        && hour < 24
        && minute < 60
        && second < 60;
    real.then(|| format!("{year:04}-{month:02}-{day_of_month:02}T{hour:02}:{minute:02}:{second:02}Z"))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordpress_dates() {
        assert_eq!(from_wordpress("2019-03-04 10:00:00").as_deref(), Some("2019-03-04T10:00:00Z"));
        assert_eq!(from_wordpress("0000-00-00 00:00:00"), None);
        assert_eq!(from_wordpress(""), None);
        assert_eq!(from_wordpress("2019-02-29 10:00:00"), None);
        assert_eq!(from_wordpress("2020-02-29 23:59:59").as_deref(), Some("2020-02-29T23:59:59Z"));
        assert_eq!(from_wordpress("2019-3-4 10:00:00"), None);
    }

    #[test]
    fn disqus_dates() {
        assert_eq!(from_disqus(" 2012-02-23T18:22:31Z\n").as_deref(), Some("2012-02-23T18:22:31Z"));
        assert_eq!(from_disqus("2012-02-23T18:22:31.123Z").as_deref(), Some("2012-02-23T18:22:31Z"));
        assert_eq!(from_disqus("2012-02-23T18:22:31+00:00").as_deref(), Some("2012-02-23T18:22:31Z"));
        assert_eq!(from_disqus("2012-02-23T18:22:31+02:00"), None);
        assert_eq!(from_disqus("yesterday"), None);
    }
}

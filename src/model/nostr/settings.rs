//! How a site shares a thread: its relays, its moderators and the proof of
//! work it asks for, from the element's attributes (or the page's query)
//! and the article JSON. Pure, so every rule has a native test.

use super::keys::is_hex;
use super::pow::MAX_DIFFICULTY;
use super::scope::is_web_url;

/// The most relays one thread talks to: each is a connection and a copy of
/// every post.
pub const MAX_RELAYS: usize = 8;

/// A shared-discussion setting that could not be used (what was given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingProblem {
    /// Not a `wss://` URL (or `ws://` on this computer).
    Relay(String),
    /// Not a public key in hex.
    Moderator(String),
    /// Not a number of bits from 0 to `MAX_DIFFICULTY`.
    Pow(String),
    /// Not a way of moderating (`approve`, or nothing).
    Moderation(String),
}

/// The settings as a host or an article gives them, not yet checked; `None`
/// where it says nothing. The usual build only asks whether they name
/// relays ([`SharingSettings::asks_for_relays`]); the relay build checks
/// them ([`SharingSettings::resolve`]), so the usual one carries no code for it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SharingSettings {
    pub relays: Option<Vec<String>>,
    pub moderators: Option<Vec<String>>,
    /// Bits of proof of work, as given.
    pub pow: Option<String>,
    /// The thread's shared identity: the article's canonical URL.
    pub url: Option<String>,
    /// `approve`: authors' comments show to everyone once a moderator has
    /// approved them.
    pub moderation: Option<String>,
}

/// The settings in effect: the host's where it gives them, else the article's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sharing {
    pub relays: Vec<String>,
    pub moderators: Vec<String>,
    pub pow: u32,
    pub url: Option<String>,
    /// Approval first: only approved authors' comments show to everyone.
    pub approve: bool,
}

impl SharingSettings {
    /// Reads the host's text settings (lists separated by spaces or commas),
    /// by name: `relays`, `moderators`, `pow`, `url`, `moderation`.
    pub fn from_text<'a>(get: impl Fn(&str) -> Option<&'a str>) -> SharingSettings {
        let list = |text: &str| {
            text.split([' ', ',', '\n', '\t']).filter(|s| !s.is_empty()).map(str::to_string).collect::<Vec<_>>()
        };
        SharingSettings {
            relays: get("relays").map(list),
            moderators: get("moderators").map(list),
            pow: get("pow").map(str::to_string),
            url: get("url").map(str::to_string),
            moderation: get("moderation").map(str::to_string),
        }
    }

    /// Whether the discussion is to be shared at all: some relay is named
    /// (usable or not: the relay build says what is wrong with it).
    pub fn asks_for_relays(&self) -> bool {
        self.relays.as_ref().is_some_and(|relays| !relays.is_empty())
    }

    /// The settings in effect, checked: the host's over the article's, but
    /// the article's own `url` names it best, so that one wins. What cannot
    /// be used is left out and reported.
    pub fn resolve(self, article: SharingSettings) -> (Sharing, Vec<SettingProblem>) {
        let mut problems = Vec::new();
        let relays = self.relays.or(article.relays).map(|urls| checked_relays(&urls, &mut problems));
        let moderators = self.moderators.or(article.moderators).map(|keys| checked_moderators(&keys, &mut problems));
        let pow = self.pow.or(article.pow).and_then(|text| match text.trim().parse::<u32>() {
            Ok(bits) if bits <= MAX_DIFFICULTY => Some(bits),
            _ => {
                problems.push(SettingProblem::Pow(text.chars().take(40).collect()));
                None
            }
        });
        let url = article.url.or(self.url).map(|u| u.trim().to_string());
        let approve = match self.moderation.or(article.moderation) {
            None => false,
            Some(way) if way.trim().is_empty() => false,
            Some(way) if way.trim() == "approve" => true,
            Some(other) => {
                problems.push(SettingProblem::Moderation(other.chars().take(40).collect()));
                false
            }
        };
        let sharing = Sharing {
            relays: relays.unwrap_or_default(),
            moderators: moderators.unwrap_or_default(),
            pow: pow.unwrap_or(0),
            url: url.filter(|u| is_web_url(u)),
            approve,
        };
        (sharing, problems)
    }
}

/// Whether `url` is a relay agora may open: `wss://` anywhere, or `ws://`
/// on this computer only (an unencrypted connection elsewhere would show
/// every reader's traffic to the network).
pub fn is_relay_url(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    let printable = !url.is_empty() && url.len() <= 200 && url.chars().all(|c| c.is_ascii_graphic());
    let loopback = matches!(name, "127.0.0.1" | "localhost" | "::1");
    printable && !name.is_empty() && (scheme == "wss" || (scheme == "ws" && loopback))
}

/// The usable relays of a list, once each, at most [`MAX_RELAYS`].
pub fn checked_relays(urls: &[String], problems: &mut Vec<SettingProblem>) -> Vec<String> {
    let mut relays: Vec<String> = Vec::new();
    for url in urls {
        let url = url.trim().to_string();
        if !is_relay_url(&url) {
            problems.push(SettingProblem::Relay(url.chars().take(80).collect()));
        } else if !relays.contains(&url) && relays.len() < MAX_RELAYS {
            relays.push(url);
        }
    }
    relays
}

/// Moderators' public keys (64 hex digits), once each.
pub fn checked_moderators(keys: &[String], problems: &mut Vec<SettingProblem>) -> Vec<String> {
    let mut moderators: Vec<String> = Vec::new();
    for key in keys {
        let key = key.trim().to_ascii_lowercase();
        if !is_hex(&key, 64) {
            problems.push(SettingProblem::Moderator(key.chars().take(80).collect()));
        } else if !moderators.contains(&key) {
            moderators.push(key);
        }
    }
    moderators
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_secure_relays_or_loopback_ones_are_opened() {
        for good in [
            "wss://relay.example.org",
            "wss://relay.example.org:444/path",
            "ws://127.0.0.1:7447",
            "ws://localhost:1",
            "ws://[::1]:7447",
        ] {
            assert!(is_relay_url(good), "{good}");
        }
        for bad in [
            "",
            "ws://relay.example.org",
            "https://relay.example.org",
            "wss://",
            "wss:// x",
            "javascript:alert(1)",
            "ws://127.0.0.1.evil.org",
        ] {
            assert!(!is_relay_url(bad), "{bad}");
        }
    }

    #[test]
    fn host_settings_win_and_bad_ones_are_reported() {
        let key = "A".repeat(64);
        let moderators = format!("{key} nokey");
        let host = SharingSettings::from_text(|name| match name {
            "relays" => Some("wss://a.example wss://a.example, ws://evil.example"),
            "moderators" => Some(moderators.as_str()),
            "pow" => Some("99"),
            "url" => Some("https://news.example/story"),
            "moderation" => Some("pre"),
            _ => None,
        });
        assert!(host.asks_for_relays());
        let article = SharingSettings {
            relays: Some(vec!["wss://b.example".into()]),
            pow: Some("8".into()),
            ..Default::default()
        };
        let (sharing, problems) = host.clone().resolve(article);
        assert_eq!(
            problems,
            [
                SettingProblem::Relay("ws://evil.example".into()),
                SettingProblem::Moderator("nokey".into()),
                SettingProblem::Pow("99".into()),
                SettingProblem::Moderation("pre".into()),
            ]
        );
        assert!(!sharing.approve);
        let approving = SharingSettings { moderation: Some("approve".into()), ..Default::default() };
        assert!(SharingSettings::default().resolve(approving).0.approve, "the article's, where the host says nothing");
        assert_eq!(sharing.relays, ["wss://a.example"]);
        assert_eq!(sharing.moderators, ["a".repeat(64)]);
        assert_eq!(sharing.pow, 0, "the host's could not be used, and it is the host's that counts");
        assert_eq!(sharing.url.as_deref(), Some("https://news.example/story"));
        let named = SharingSettings { url: Some("https://news.example/canonical".into()), ..Default::default() };
        assert_eq!(host.resolve(named).0.url.as_deref(), Some("https://news.example/canonical"));
        let shouted = SharingSettings { url: Some("HTTPS://News.Example/story".into()), ..Default::default() };
        assert_eq!(shouted.resolve(SharingSettings::default()).0.url.as_deref(), Some("HTTPS://News.Example/story"));
        let not_web = SharingSettings { url: Some("javascript:alert(1)".into()), ..Default::default() };
        assert_eq!(not_web.resolve(SharingSettings::default()).0.url, None);
        let nothing = SharingSettings::default();
        assert!(!nothing.asks_for_relays());
        assert_eq!(nothing.resolve(SharingSettings::default()), (Sharing::default(), vec![]));
        let empty = SharingSettings::from_text(|name| (name == "relays").then_some(" , "));
        assert!(!empty.asks_for_relays(), "an empty list asks for nothing");
    }
}

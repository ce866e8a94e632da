//! The configuration a widget reads from its host: the query string of its
//! own page (standalone or iframe), or the attributes of an `<agora-thread>`
//! element (passed in by `embed.js`). What is wrong with a setting is kept
//! as a [`Problem`] for the widget to show.

use crate::model::nostr::settings::SharingSettings;
use wasm_bindgen::JsValue;

/// Where the article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    BuiltIn,
    /// An article JSON (`docs/src/reference/article-format.md`) to fetch.
    Url(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value of the widget root's `data-theme` attribute (none for auto).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// A setting from the host that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    UnknownTheme(String),
}

/// Everything the widget needs to know from its host.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub article: ArticleSource,
    /// The requested thread (storage namespace); the article's id if `None`.
    pub thread: Option<String>,
    pub theme: Theme,
    pub lang: Option<String>,
    /// The site owner's own interface text (`strings`): a language file's
    /// URL, read over the language's messages.
    pub strings: Option<String>,
    /// How the discussion is shared on relays (`relays`, `moderators`,
    /// `pow`, `url`), where the host says. Read by the relay build only: the
    /// page loads that build when the host names relays.
    pub sharing: SharingSettings,
    /// What the page gave to call when the discussion turns out to be shared
    /// (relays in the article JSON) and this build has no relay layer: it
    /// loads the build that has one instead (public/boot.js, public/embed.js).
    pub on_relays: Option<JsValue>,
    /// Where agora's files are (ending in `/`), for the language files:
    /// `./` for its own page; an element's from `embed.js`, never from a
    /// page's query.
    pub assets: String,
    /// Settings that could not be used.
    pub problems: Vec<Problem>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            article: ArticleSource::BuiltIn,
            thread: None,
            theme: Theme::Auto,
            lang: None,
            strings: None,
            sharing: SharingSettings::default(),
            on_relays: None,
            assets: "./".into(),
            problems: Vec::new(),
        }
    }
}

impl Config {
    /// Reads settings by name (`thread`, `src`, `theme`, `lang`, and for
    /// sharing `relays`, `moderators`, `pow`, `url`); empty values count as
    /// absent.
    pub fn from_settings(get: impl Fn(&str) -> Option<String>) -> Config {
        let get = |name: &str| get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let mut config = Config::default();
        if let Some(src) = get("src") {
            config.article = ArticleSource::Url(src);
        }
        config.thread = get("thread");
        config.lang = get("lang");
        config.strings = get("strings");
        config.theme = match get("theme").as_deref() {
            None | Some("auto") => Theme::Auto,
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some(other) => {
                config.problems.push(Problem::UnknownTheme(other.chars().take(40).collect()));
                Theme::Auto
            }
        };
        // Only the relay build reads these: the usual one hands over to it
        // when a page names relays (public/boot.js, public/embed.js).
        if crate::relay::IN_THIS_BUILD {
            let names = ["relays", "moderators", "pow", "url", "moderation"];
            let given: Vec<(&str, Option<String>)> = names.into_iter().map(|name| (name, get(name))).collect();
            config.sharing = SharingSettings::from_text(|name| {
                given.iter().find(|(n, _)| *n == name).and_then(|(_, value)| value.as_deref())
            });
        }
        config
    }

    /// The widget's own page: `?thread=`, `?src=`, `?theme=`, `?lang=`,
    /// `?relays=`, `?moderators=`, `?pow=`, `?url=`, `?moderation=`.
    pub fn from_query() -> Config {
        Config::from_settings(page_query)
    }

    /// An options object from `embed.js`: the element's attributes by name.
    pub fn from_options(options: &JsValue) -> Config {
        let mut config = Config::from_settings(|name| {
            js_sys::Reflect::get(options, &JsValue::from_str(name)).ok().and_then(|value| value.as_string())
        });
        config.on_relays =
            js_sys::Reflect::get(options, &JsValue::from_str("onRelays")).ok().filter(JsValue::is_function);
        if let Some(assets) =
            js_sys::Reflect::get(options, &JsValue::from_str("assets")).ok().and_then(|v| v.as_string())
        {
            config.assets = assets;
        }
        config
    }
}

/// A parameter of the page's query string (`?lang=uk`).
pub fn page_query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| value.to_string())
    }

    #[test]
    fn no_settings_mean_the_built_in_article_in_its_own_thread() {
        assert_eq!(Config::from_settings(settings(&[])), Config::default());
        assert_eq!(Config::from_settings(settings(&[("thread", " "), ("src", "")])), Config::default());
    }

    #[test]
    fn settings_are_read_and_an_unknown_theme_is_reported() {
        let config = Config::from_settings(settings(&[
            ("src", "https://example.org/a.json"),
            ("thread", "my-post"),
            ("theme", "purple"),
            ("lang", "uk"),
        ]));
        assert_eq!(config.article, ArticleSource::Url("https://example.org/a.json".into()));
        assert_eq!(config.thread.as_deref(), Some("my-post"));
        assert_eq!(config.lang.as_deref(), Some("uk"));
        assert_eq!(config.theme, Theme::Auto);
        assert_eq!(config.problems, [Problem::UnknownTheme("purple".into())]);
        assert_eq!(Config::from_settings(settings(&[("theme", "dark")])).theme, Theme::Dark);
    }
}

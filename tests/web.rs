//! Browser tests of the mounted app (wasm-bindgen-test in headless Chromium):
//! each mounts the widget into a fresh element, acts on it as a reader would,
//! lets the reactive system run, and asserts what the reader would see.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use agora::{App, Config};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A widget mounted on its own element, in a thread no other test uses.
struct Mounted {
    root: HtmlElement,
    thread: String,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

fn mount(thread: &str) -> Mounted {
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    clear_thread(thread);
    let config = Config { thread: Some(thread.to_string()), ..Config::default() };
    let handle = mount_to(root.clone(), move || view! { <App config standalone=false /> }.into_any());
    Mounted { root, thread: thread.to_string(), _handle: handle }
}

fn clear_thread(thread: &str) {
    let storage = window().local_storage().unwrap().unwrap();
    let prefix = format!("agora:v1:{thread}:");
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|key| key.starts_with(&prefix))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

impl Mounted {
    fn find<T: JsCast>(&self, selector: &str) -> T {
        self.root.query_selector(selector).unwrap().unwrap().unchecked_into()
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let nodes = self.root.query_selector_all(selector).unwrap();
        (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap()).collect()
    }

    fn count_heading(&self) -> String {
        self.find::<HtmlElement>(".agora-thread__count").text_content().unwrap()
    }

    /// Types into the composer the way a browser reports typing: set the
    /// value, then fire `input`.
    fn type_into(&self, selector: &str, value: &str) {
        let field: HtmlElement = self.find(selector);
        if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
            input.set_value(value);
        } else if let Some(textarea) = field.dyn_ref::<HtmlTextAreaElement>() {
            textarea.set_value(value);
        }
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        field.dispatch_event(&event).unwrap();
    }

    fn submit(&self) {
        self.find::<HtmlFormElement>("form.agora-composer").request_submit().unwrap();
    }

    fn stored_keys(&self) -> Vec<String> {
        let storage = window().local_storage().unwrap().unwrap();
        let prefix = format!("agora:v1:{}:c:", self.thread);
        (0..storage.length().unwrap())
            .filter_map(|i| storage.key(i).unwrap())
            .filter(|key| key.starts_with(&prefix))
            .collect()
    }
}

#[wasm_bindgen_test]
async fn shows_the_eight_seed_comments_in_order() {
    let app = mount("web-seed");
    tick().await;
    assert_eq!(app.count_heading(), "8 Comments");
    let authors = app.texts(".agora-comment__author");
    assert_eq!(
        authors,
        ["Matzomaster", "Rotfront", "Karamba", "Answer", "Muchacho", "Donatello", "Raphael", "Leonardo"]
    );
    assert!(app.stored_keys().is_empty(), "seed comments must not be stored");
}

#[wasm_bindgen_test]
async fn a_post_adds_a_comment_and_writes_one_entry() {
    let app = mount("web-post");
    tick().await;
    app.type_into("input[name=name]", "  Ann ");
    app.type_into("textarea[name=comment]", "Hello from a browser test.");
    app.submit();
    tick().await;
    assert_eq!(app.count_heading(), "9 Comments");
    assert_eq!(app.texts(".agora-comment__author").last().unwrap(), "Ann");
    assert_eq!(app.texts(".agora-formatted").last().unwrap(), "Hello from a browser test.");
    assert_eq!(app.find::<HtmlTextAreaElement>("textarea").value(), "");
    let keys = app.stored_keys();
    assert_eq!(keys.len(), 1);
    let stored = window().local_storage().unwrap().unwrap().get_item(&keys[0]).unwrap().unwrap();
    assert!(stored.contains(r#""author":"Ann""#), "{stored}");
}

#[wasm_bindgen_test]
async fn invalid_input_shows_its_error_and_keeps_the_text() {
    let app = mount("web-invalid");
    tick().await;
    app.type_into("input[name=name]", "   ");
    app.type_into("textarea[name=comment]", "Words worth keeping.");
    app.submit();
    tick().await;
    let name: HtmlInputElement = app.find("input[name=name]");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = name.get_attribute("aria-describedby").unwrap();
    let error_id = described_by.split(' ').next().unwrap();
    let error: HtmlElement = app.find(&format!("#{error_id}"));
    assert_eq!(error.text_content().unwrap(), "Please enter your name.");
    assert_eq!(app.find::<HtmlTextAreaElement>("textarea").value(), "Words worth keeping.");
    assert_eq!(app.count_heading(), "8 Comments");
    assert!(app.stored_keys().is_empty());
}

/// The first screen (written natively at build time) renders comment text
/// with `model::writing::markup`, the app with DOM calls: both must give the same
/// elements, or the takeover would change what the reader sees.
#[wasm_bindgen_test]
fn comment_text_has_the_same_markup_in_the_dom_and_in_the_first_screen() {
    use agora::components::FormattedText;
    use agora::model::writing::{format::parse, markup};
    let inputs = [
        "Plain words, & <b>not bold</b> \"quoted\"\u{a0}here.",
        "> a quote\n> *on two* lines\n\nThen **bold *and em*** and `<code>`.",
        "Links: https://example.org/a?b=1&c=2 and (https://example.org/x_(y)).\nNext line\n\n\nLast",
        "עברית and English mixed, 😀 **ok**",
    ];
    let document = document();
    for input in inputs {
        let dom: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        let text = input.to_string();
        let _handle = mount_to(dom.clone(), move || view! { <FormattedText text /> });
        // Leptos's empty comment nodes mark places; nothing a reader sees.
        let from_dom = dom.first_element_child().unwrap().inner_html().replace("<!---->", "");
        let source: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        source.set_inner_html(&markup::html(&parse(input)));
        assert_eq!(from_dom, source.inner_html(), "{input:?}");
    }
}

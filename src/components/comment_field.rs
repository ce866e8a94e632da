//! The comment text box of the composer and of the edit box, with what both
//! need: its label, its error and length counter, the oversize rules and
//! Ctrl/Cmd+Enter to send.

use super::use_text;
use crate::model::TEXT_LIMITS;
use crate::model::writing::validate::{Limits, refused_insert, stops_wrapping};
use leptos::html;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// A comment's text area. `value` follows the typing; it is written into
/// the field once, when the field is made (and by `node_ref` users after a
/// post), never echoed back on input: that would lay out the whole text
/// again per keystroke.
#[component]
pub fn CommentField(
    /// The textarea's id; its messages are `<id>-error` and `<id>-counter`.
    id: String,
    label: String,
    value: RwSignal<String>,
    /// What to fix, shown under the field.
    error: Signal<Option<String>>,
    rows: u32,
    node_ref: NodeRef<html::Textarea>,
    /// After each change of the text.
    on_input: Callback<()>,
    /// Ctrl/Cmd+Enter.
    on_send: Callback<()>,
    /// Escape, where it closes the box.
    #[prop(optional)]
    on_escape: Option<Callback<()>>,
    /// A paste or drop too large to take was refused (its message), or the
    /// next one was let in (`None`).
    on_refused: Callback<Option<String>>,
    /// More ids describing the field (a shortcut hint).
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let text = use_text();
    let describers = match described_by {
        Some(more) => format!("{id}-error {id}-counter {more}"),
        None => format!("{id}-error {id}-counter"),
    };
    view! {
        <label class="agora-field__label" for=id.clone()>{label}</label>
        <textarea
            // Over the limit with a huge word, stop wrapping inside words:
            // Chromium takes seconds to wrap one huge pasted word.
            class=move || value.with(|t| text_field_class(t))
            id=id.clone()
            name="comment"
            rows=rows
            required
            node_ref=node_ref
            aria-keyshortcuts="Control+Enter Meta+Enter"
            aria-invalid=move || error.with(|e| e.as_ref().map(|_| "true"))
            aria-describedby=describers
            prop:value=value.get_untracked()
            on:beforeinput=move |event: web_sys::InputEvent| {
                let refused = refuse_oversized_insert(&event);
                if refused.is_none() {
                    stop_wrapping_before_layout(&event, &value.get_untracked());
                }
                on_refused.run(refused.map(|characters| text.insert_refused(characters)));
            }
            on:input=move |event| {
                value.set(event_target_value(&event));
                on_input.run(());
            }
            on:keydown=move |event: KeyboardEvent| {
                if is_send_shortcut(&event) {
                    event.prevent_default();
                    on_send.run(());
                } else if let Some(escape) = on_escape.filter(|_| event.key() == "Escape") {
                    event.prevent_default();
                    escape.run(());
                }
            }
        ></textarea>
        <FieldMessages field_id=id error value=value.into() limits=TEXT_LIMITS />
    }
}

/// The error and the length counter under a field, both referenced by the
/// field's `aria-describedby` (`<field_id>-error`, `<field_id>-counter`).
#[component]
pub fn FieldMessages(
    field_id: String,
    error: Signal<Option<String>>,
    value: Signal<String>,
    limits: Limits,
) -> impl IntoView {
    let text = use_text();
    view! {
        <p class="agora-field__error" id=format!("{field_id}-error")>{move || error.get()}</p>
        <p class="agora-field__counter" id=format!("{field_id}-counter")>
            {move || value.with(|value| text.counter(value, limits))}
        </p>
    }
}

/// Ctrl+Enter (Cmd+Enter on a Mac) sends what is in a text box.
fn is_send_shortcut(event: &KeyboardEvent) -> bool {
    event.key() == "Enter" && (event.ctrl_key() || event.meta_key())
}

/// What a paste, drop or typed insertion would add.
fn incoming(event: &web_sys::InputEvent) -> Option<String> {
    event.data().or_else(|| event.data_transfer().and_then(|data| data.get_data("text/plain").ok()))
}

/// Before text is inserted into any field: an insertion too large to take
/// (see `validate::LARGEST_INSERT`) is cancelled, leaving the field as it
/// was, and its length returned for the message.
pub fn refuse_oversized_insert(event: &web_sys::InputEvent) -> Option<usize> {
    let characters = refused_insert(&incoming(event)?)?;
    event.prevent_default();
    Some(characters)
}

/// The browser lays text out while inserting it, before any signal could
/// change the field's class: so when an insertion makes the text one that
/// stops wrapping (`validate::stops_wrapping`), the class is set at once.
/// Ordinary text is left alone: changing the style costs time too.
fn stop_wrapping_before_layout(event: &web_sys::InputEvent, current: &str) {
    use wasm_bindgen::JsCast;
    let Some(incoming) = incoming(event) else { return };
    if stops_wrapping(&format!("{current}{incoming}"))
        && let Some(field) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = field.class_list().add_1("agora-field__input--oversized");
    }
}

/// The classes of a comment textarea holding `text`.
fn text_field_class(text: &str) -> &'static str {
    if stops_wrapping(text) {
        "agora-field__input agora-field__input--text agora-field__input--oversized"
    } else {
        "agora-field__input agora-field__input--text"
    }
}

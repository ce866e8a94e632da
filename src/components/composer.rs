use super::{use_text, FormattedText};
use crate::discussion::use_discussion;
use crate::model::validate::{length, refused_insert, Field, Limits};
use crate::model::{CommentId, Draft, DraftErrors, FieldError, NAME_LIMITS, TEXT_LIMITS};
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;
use web_sys::KeyboardEvent;

/// How long typing pauses before a draft is saved.
const DRAFT_DELAY: Duration = Duration::from_millis(300);

/// The form for a new comment (`parent: None`) or a reply. It checks the
/// draft with the model's rules, shows what to fix next to each field, keeps
/// unsent text as a draft that survives a reload, and never clears text that
/// was not posted.
#[component]
pub fn Composer(
    /// The draft slot (see `discussion::NEW_COMMENT`, `discussion::reply_slot`).
    draft_slot: String,
    #[prop(optional, into)] parent: Option<CommentId>,
    title: String,
    /// For a reply box: closes it (after posting, or "Cancel").
    #[prop(optional)]
    on_close: Option<Callback<()>>,
) -> impl IntoView {
    let Some(d) = use_discussion() else {
        return ().into_any();
    };
    let slot = draft_slot;
    let text_in = d.text;
    let name = d.name;
    let text = RwSignal::new(d.draft(&slot));
    let errors = RwSignal::new(DraftErrors::default());
    // Once a post was refused, errors follow the typing so they vanish when fixed.
    let recheck_as_typed = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    // A paste too large to take, refused before it was inserted.
    let refused = RwSignal::new(None::<String>);
    let refuse = move |event: web_sys::InputEvent, current: &str| {
        let refusal = guard_oversized_insert(&event, current).map(|characters| text_in.insert_refused(characters));
        refused.set(refusal);
    };
    let status = RwSignal::new(String::new());
    let previewing = RwSignal::new(false);
    let name_ref = NodeRef::<html::Input>::new();
    let text_ref = NodeRef::<html::Textarea>::new();
    // Each keystroke bumps the generation; a pending draft save runs only if
    // nothing was typed (or posted) since.
    let draft_generation = StoredValue::new(0u64);

    let save_draft_soon = {
        let (d, slot) = (d.clone(), slot.clone());
        move || {
            draft_generation.update_value(|g| *g += 1);
            let generation = draft_generation.get_value();
            let (d, slot) = (d.clone(), slot.clone());
            set_timeout(
                move || {
                    if draft_generation.try_get_value() == Some(generation) {
                        d.save_draft(&slot, &text.get_untracked());
                    }
                },
                DRAFT_DELAY,
            );
        }
    };

    let draft = move || Draft { name: name.get_untracked(), text: text.get_untracked() };
    let recheck = move || {
        if recheck_as_typed.get_untracked() {
            errors.set(draft().check().err().unwrap_or_default());
        }
    };
    let submit = {
        let (d, slot, parent) = (d.clone(), slot.clone(), parent.clone());
        move || {
            status.set(String::new());
            match draft().check() {
                Err(found) => {
                    recheck_as_typed.set(true);
                    if found.name.is_some() {
                        name_ref.get_untracked().map(|input| input.focus());
                    } else {
                        text_ref.get_untracked().map(|input| input.focus());
                    }
                    errors.set(found);
                }
                Ok((author, body)) => {
                    recheck_as_typed.set(false);
                    errors.set(DraftErrors::default());
                    match d.post(parent.clone(), author, body) {
                        Ok(_) => {
                            draft_generation.update_value(|g| *g += 1);
                            d.save_draft(&slot, "");
                            text.set(String::new());
                            if let Some(input) = text_ref.get_untracked() { input.set_value("") }
                            failure.set(None);
                            status.set(text_in.posted().into());
                            match on_close {
                                Some(close) => close.run(()),
                                None => {
                                    text_ref.get_untracked().map(|input| input.focus());
                                }
                            }
                        }
                        Err(message) => failure.set(Some(message)),
                    }
                }
            }
        }
    };

    // A reply box opens ready to type.
    if parent.is_some() {
        Effect::new(move |_| {
            if let Some(input) = text_ref.get() {
                let _ = input.focus();
            }
        });
    }

    let id_prefix = format!("{}-{}", d.id_prefix, slot);
    let name_id = format!("{id_prefix}-name");
    let text_id = format!("{id_prefix}-text");
    let hint_id = format!("{text_id}-hint");
    let invalid = |error: Option<FieldError>| error.map(|_| "true");
    let submit_on_click = submit.clone();
    let submit_on_keys = submit.clone();
    let cancel = on_close.map(|close| {
        view! {
            <button class="agora-button agora-button--secondary" type="button" on:click=move |_| close.run(())>
                {text_in.cancel()}
            </button>
        }
    });

    view! {
        <form
            class="agora-composer"
            part="composer"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                submit();
            }
        >
            <h3 class="agora-composer__title">{title}</h3>
            <div class="agora-field">
                <label class="agora-field__label" for=name_id.clone()>{text_in.name()}</label>
                <input
                    class="agora-field__input"
                    id=name_id.clone()
                    name="name"
                    type="text"
                    autocomplete="nickname"
                    required
                    node_ref=name_ref
                    aria-invalid=move || invalid(errors.with(|e| e.name))
                    aria-describedby=format!("{name_id}-error {name_id}-counter")
                    prop:value=move || name.get()
                    on:beforeinput=move |event| refuse(event, &name.get_untracked())
                    on:input=move |event| {
                        name.set(event_target_value(&event));
                        recheck();
                    }
                />
                <FieldMessages
                    field_id=name_id
                    error=Signal::derive(move || errors.with(|e| e.name.map(|e| text_in.field_error(Field::Name, e))))
                    value=name.into()
                    limits=NAME_LIMITS
                />
            </div>
            <div class="agora-field">
                <label class="agora-field__label" for=text_id.clone()>{text_in.comment()}</label>
                <textarea
                    // Over the limit, stop wrapping inside words: Chromium takes
                    // seconds to wrap one huge pasted word in a proportional font.
                    class=move || text.with(|t| text_field_class(t))
                    id=text_id.clone()
                    name="comment"
                    rows="5"
                    required
                    node_ref=text_ref
                    aria-keyshortcuts="Control+Enter Meta+Enter"
                    aria-invalid=move || invalid(errors.with(|e| e.text))
                    aria-describedby=format!("{text_id}-error {text_id}-counter {hint_id}")
                    // Written once here and cleared after a post, never echoed back
                    // on input: that would lay out the whole text again per keystroke.
                    prop:value=text.get_untracked()
                    on:input=move |event| {
                        text.set(event_target_value(&event));
                        recheck();
                        save_draft_soon();
                    }
                    on:beforeinput=move |event| refuse(event, &text.get_untracked())
                    on:keydown=move |event: KeyboardEvent| {
                        if is_send_shortcut(&event) {
                            event.prevent_default();
                            submit_on_keys();
                        }
                    }
                ></textarea>
                <FieldMessages
                    field_id=text_id
                    error=Signal::derive(move || errors.with(|e| e.text.map(|e| text_in.field_error(Field::Text, e))))
                    value=text.into()
                    limits=TEXT_LIMITS
                />
            </div>
            {move || previewing.get().then(|| view! {
                <section class="agora-preview" aria-label=text_in.preview()>
                    <p class="agora-preview__label" aria-hidden="true">{text_in.preview()}</p>
                    {move || {
                        let shown = text.get();
                        if shown.trim().is_empty() {
                            view! { <p class="agora-preview__empty">{text_in.nothing_to_preview()}</p> }.into_any()
                        } else {
                            view! { <FormattedText text=shown /> }.into_any()
                        }
                    }}
                </section>
            })}
            <p class="agora-composer__failure" role="alert">{move || refused.get().or_else(|| failure.get())}</p>
            <div class="agora-composer__actions">
                // Posting runs on the click itself: a sandboxed iframe without
                // `allow-forms` blocks form submission before `submit` fires.
                // Preventing the default stops that submission, so it runs once.
                <button
                    class="agora-button"
                    part="button"
                    type="submit"
                    on:click=move |event| {
                        event.prevent_default();
                        submit_on_click();
                    }
                >
                    {text_in.post()}
                </button>
                <button
                    class="agora-button agora-button--secondary"
                    type="button"
                    aria-pressed=move || previewing.get().to_string()
                    on:click=move |_| previewing.update(|on| *on = !*on)
                >
                    {text_in.preview()}
                </button>
                {cancel}
                <p class="agora-composer__hint" id=hint_id>
                    <kbd>"Ctrl"</kbd>"+"<kbd>"Enter"</kbd>{text_in.shortcut_hint()}
                </p>
            </div>
            <p class="agora-visually-hidden" role="status">{move || status.get()}</p>
        </form>
    }
    .into_any()
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
pub fn is_send_shortcut(event: &KeyboardEvent) -> bool {
    event.key() == "Enter" && (event.ctrl_key() || event.meta_key())
}

/// A word longer than this is laid out slowly by Chromium when it wraps
/// inside it (seconds for a pasted megabyte of one "word").
const LONGEST_WRAPPED_WORD: usize = 1_000;

/// Before text is inserted. An insertion too large to take (see
/// `LARGEST_INSERT`) is cancelled, leaving the field as it was, and its length
/// returned for the message. One that takes the field over the limit with an
/// enormous unbroken word stops the field wrapping inside words at once: the
/// browser lays the text out while inserting it, before any signal could
/// change the class. Ordinary text is left alone: changing the style costs
/// time too.
pub fn guard_oversized_insert(event: &web_sys::InputEvent, current: &str) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let incoming = event
        .data()
        .or_else(|| event.data_transfer().and_then(|data| data.get_data("text/plain").ok()))?;
    if let Some(characters) = refused_insert(&incoming) {
        event.prevent_default();
        return Some(characters);
    }
    let too_long = current.chars().count() + incoming.chars().count() > TEXT_LIMITS.max;
    let huge_word = || incoming.split_whitespace().any(|word| word.len() > LONGEST_WRAPPED_WORD);
    if too_long && huge_word()
        && let Some(field) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = field.class_list().add_1("agora-field__input--oversized");
        }
    None
}

/// The classes of a comment textarea holding `text`: over the limit with an
/// enormous word, it stops wrapping inside words (see `guard_oversized_insert`).
pub fn text_field_class(text: &str) -> &'static str {
    let huge = length(text) > TEXT_LIMITS.max
        && text.split_whitespace().any(|word| word.len() > LONGEST_WRAPPED_WORD);
    if huge {
        "agora-field__input agora-field__input--text agora-field__input--oversized"
    } else {
        "agora-field__input agora-field__input--text"
    }
}

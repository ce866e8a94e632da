use crate::model::validate::{counter, Field};
use crate::model::{Draft, DraftErrors, FieldError, NAME_LIMITS, TEXT_LIMITS};
use leptos::html;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// What posting returns: `Err` carries a message for the reader.
pub type PostResult = Result<(), String>;

/// The form for a new comment. It checks the draft with the model's rules,
/// shows what to fix next to each field, and never clears text that was not
/// posted.
#[component]
pub fn Composer(
    /// Prefix for element ids, unique per widget on the page.
    id_prefix: String,
    initial_name: String,
    on_post: Callback<(String, String), PostResult>,
) -> impl IntoView {
    let name = RwSignal::new(initial_name);
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(DraftErrors::default());
    // Once a post was refused, errors follow the typing so they vanish when fixed.
    let recheck_as_typed = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let name_ref = NodeRef::<html::Input>::new();
    let text_ref = NodeRef::<html::Textarea>::new();

    let draft = move || Draft { name: name.get_untracked(), text: text.get_untracked() };
    let recheck = move || {
        if recheck_as_typed.get_untracked() {
            errors.set(draft().check().err().unwrap_or_default());
        }
    };
    let submit = move || {
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
                match on_post.run((author, body)) {
                    Ok(()) => {
                        text.set(String::new());
                        failure.set(None);
                        status.set("Your comment was posted.".into());
                        text_ref.get_untracked().map(|input| input.focus());
                    }
                    Err(message) => failure.set(Some(message)),
                }
            }
        }
    };

    let name_id = format!("{id_prefix}-name");
    let name_error_id = format!("{name_id}-error");
    let name_counter_id = format!("{name_id}-counter");
    let text_id = format!("{id_prefix}-text");
    let text_error_id = format!("{text_id}-error");
    let text_counter_id = format!("{text_id}-counter");
    let text_hint_id = format!("{text_id}-hint");
    let name_error = move || errors.with(|e| e.name.map(|error| error.message(Field::Name)));
    let text_error = move || errors.with(|e| e.text.map(|error| error.message(Field::Text)));
    let invalid = |error: Option<FieldError>| error.map(|_| "true");

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
            <h3 class="agora-composer__title">"Join the discussion"</h3>
            <div class="agora-field">
                <label class="agora-field__label" for=name_id.clone()>"Name"</label>
                <input
                    class="agora-field__input"
                    id=name_id
                    name="name"
                    type="text"
                    autocomplete="nickname"
                    required
                    node_ref=name_ref
                    aria-invalid=move || invalid(errors.with(|e| e.name))
                    aria-describedby=format!("{name_error_id} {name_counter_id}")
                    prop:value=move || name.get()
                    on:input=move |event| {
                        name.set(event_target_value(&event));
                        recheck();
                    }
                />
                <p class="agora-field__error" id=name_error_id>{name_error}</p>
                <p class="agora-field__counter" id=name_counter_id>
                    {move || name.with(|value| counter(value, NAME_LIMITS))}
                </p>
            </div>
            <div class="agora-field">
                <label class="agora-field__label" for=text_id.clone()>"Comment"</label>
                <textarea
                    class="agora-field__input agora-field__input--text"
                    id=text_id
                    name="comment"
                    rows="5"
                    required
                    node_ref=text_ref
                    aria-keyshortcuts="Control+Enter Meta+Enter"
                    aria-invalid=move || invalid(errors.with(|e| e.text))
                    aria-describedby=format!("{text_error_id} {text_counter_id} {text_hint_id}")
                    prop:value=move || text.get()
                    on:input=move |event| {
                        text.set(event_target_value(&event));
                        recheck();
                    }
                    on:keydown=move |event: KeyboardEvent| {
                        if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                            event.prevent_default();
                            submit();
                        }
                    }
                ></textarea>
                <p class="agora-field__error" id=text_error_id>{text_error}</p>
                <p class="agora-field__counter" id=text_counter_id>
                    {move || text.with(|value| counter(value, TEXT_LIMITS))}
                </p>
            </div>
            <p class="agora-composer__failure" role="alert">{move || failure.get()}</p>
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
                        submit();
                    }
                >
                    "Post comment"
                </button>
                <p class="agora-composer__hint" id=text_hint_id>
                    <kbd>"Ctrl"</kbd>"+"<kbd>"Enter"</kbd>" posts too"
                </p>
            </div>
            <p class="agora-visually-hidden" role="status">{move || status.get()}</p>
        </form>
    }
}

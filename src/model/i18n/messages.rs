//! Every interface message, declared once: its name (the field of
//! [`Strings`] and the key of language files), its type, what it says in
//! English, and above it what its placeholders are. The `messages!` macro
//! (`strings.rs`) makes [`Strings`], [`EN`] and the positions of language
//! files from this table.
//!
//! Adding a message is one line in its section, `name: Type = "English",`,
//! and its translation in every `lang/<tag>.json` (the tests of
//! `language_file` demand it); a message with placeholders also gets a
//! method of [`super::Text`] that fills them. Where a line stands is where
//! its message is in built language files, which name the layout they were
//! made for: a file built before a change is refused, never misread.
//!
//! Types: `Msg`, one text; `Forms`, a text per plural category; `NamedAges`,
//! words such as "yesterday" a language may lack; `[Msg; N]`, a list.

use super::strings::{Forms, Msg, NamedAges, messages};

messages! {
    every_build {
        /// The BCP 47 tag of the language (`lang` attribute, `Intl` locale).
        code: Msg = "en",
        /// Between groups of three digits: "1,234", "1 234", "1.234".
        digit_group_separator: Msg = ",",

        // The thread
        /// `{n}`: the number of comments.
        comments: Forms = Forms::one_other("{n} Comment", "{n} Comments"),
        sort_group: Msg = "Sort comments",
        sort_label: Msg = "Sort:",
        oldest: Msg = "Oldest",
        newest: Msg = "Newest",
        most_liked: Msg = "Most liked",
        /// `{n}`: how many more are shown.
        show_more: Msg = "Show {n} more",
        loading: Msg = "Loading the article\u{2026}",

        // Times
        just_now: Msg = "just now",
        /// `{amount}`: one of the unit forms below, such as "5 minutes".
        ago: Msg = "{amount} ago",
        minutes: Forms = Forms::one_other("{n} minute", "{n} minutes"),
        hours: Forms = Forms::one_other("{n} hour", "{n} hours"),
        days: Forms = Forms::one_other("{n} day", "{n} days"),
        weeks: Forms = Forms::one_other("{n} week", "{n} weeks"),
        months: Forms = Forms::one_other("{n} month", "{n} months"),
        years: Forms = Forms::one_other("{n} year", "{n} years"),
        named_ages: NamedAges = NamedAges {
            yesterday: Some("yesterday"),
            day_before_yesterday: None,
            last_week: Some("last week"),
            last_month: Some("last month"),
            last_year: Some("last year"),
        },
        /// Month names as the full date uses them ("November", "листопада").
        month_names: [Msg; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        /// The full date and time: `{day}`, `{month}` (a name), `{year}`,
        /// `{hour}` (00 to 23), `{hour12}` (1 to 12), `{minute}` (00 to 59) and
        /// `{period}` (one of `day_periods`).
        full_time: Msg = "{month} {day}, {year} at {hour12}:{minute} {period}",
        /// Before and after noon, for `{period}`.
        day_periods: [Msg; 2] = ["AM", "PM"],

        // One comment
        reply: Msg = "Reply",
        /// `{name}`: the author of the comment answered.
        reply_to: Msg = "Reply to {name}",
        /// `{name}`
        reply_title: Msg = "Reply to {name}",
        like: Msg = "Like",
        /// The like button's accessible name; it starts with its visible text
        /// (`like` and the count) so that speech input users can say what they
        /// see. `{n}`: the likes, `{name}`: the author.
        like_label: Msg = "Like {n}: {name}\u{2019}s comment",
        link: Msg = "Link",
        /// `{name}`
        link_label: Msg = "Link to {name}\u{2019}s comment",
        edit: Msg = "Edit",
        delete: Msg = "Delete",
        deleted: Msg = "[deleted]",
        edited: Msg = "edited",
        /// `{n}`: the replies folded away ("[+] 3 replies").
        replies_folded: Forms = Forms::one_other("[+] {n} reply", "[+] {n} replies"),
        /// `{n}`
        show_replies: Forms = Forms::one_other("Show {n} reply", "Show {n} replies"),
        hide_replies: Msg = "Hide replies",
        comment_deleted: Msg = "Comment deleted.",
        undo: Msg = "Undo",

        // The composer and the edit box
        join: Msg = "Join the discussion",
        name: Msg = "Name",
        comment: Msg = "Comment",
        post: Msg = "Post comment",
        preview: Msg = "Preview",
        nothing_to_preview: Msg = "Nothing to preview yet.",
        cancel: Msg = "Cancel",
        /// After "Ctrl+Enter".
        shortcut_hint: Msg = " posts too",
        posted: Msg = "Your comment was posted.",
        edit_label: Msg = "Edit your comment",
        save: Msg = "Save",
        name_empty: Msg = "Please enter your name.",
        text_empty: Msg = "Please write a comment.",
        /// `{over}`: a `characters` form; `{max}`: the limit.
        name_too_long: Msg = "Your name is {over} too long: {max} characters at most.",
        /// `{over}`, `{max}`
        text_too_long: Msg = "Your comment is {over} too long: {max} characters at most. Your text is kept; shorten it to post.",
        /// `{n}` characters.
        characters: Forms = Forms::one_other("{n} character", "{n} characters"),
        /// `{size}`: a `characters` form; `{max}`: the comment limit.
        insert_refused: Msg = "Not added: that is {size}, and a comment holds {max} at most. What you had written is unchanged.",
        /// `{left}`: a `characters` form.
        counter_left: Msg = "{left} left",
        /// `{over}`: a `characters` form.
        counter_over: Msg = "{over} over the limit",

        // Storage and failures
        storage_unavailable: Msg = "This browser does not let the page keep data, so comments posted here are shown during this visit only and will be gone when you leave.",
        storage_full: Msg = "this browser\u{2019}s storage for the site is full.",
        /// `{error}`: the name the browser gives the error.
        storage_failed: Msg = "the browser could not save it ({error}).",
        /// `{reason}`: one of the storage messages.
        not_posted: Msg = "Your comment was not posted: {reason} Your text is still here.",
        /// `{reason}`
        not_edited: Msg = "Your edit was not saved: {reason} Your text is still here.",
        /// `{reason}`
        not_deleted: Msg = "The comment was not deleted: {reason}",
        /// `{reason}`
        not_restored: Msg = "The comment could not be restored: {reason}",
        /// `{reason}`
        like_not_saved: Msg = "The like was not saved: {reason}",
        only_own: Msg = "Only comments posted from this browser can be changed.",

        // Export and import
        your_comments: Msg = "Your comments",
        export: Msg = "Export my comments",
        import: Msg = "Import comments\u{2026}",
        /// `{file}`
        downloaded: Msg = "Downloaded {file}.",
        download_failed: Msg = "The file could not be downloaded: the browser refused.",
        /// `{comments}`: a `new_comments` form, `{likes}`: a `likes` form.
        imported: Msg = "Imported {comments} and {likes}.",
        /// `{n}`
        new_comments: Forms = Forms::one_other("{n} new comment", "{n} new comments"),
        /// `{n}`
        likes: Forms = Forms::one_other("{n} like", "{n} likes"),
        /// `{reason}`: one of the import messages below.
        not_imported: Msg = "Nothing was imported: {reason}",
        import_no_file: Msg = "no file was chosen.",
        import_unreadable: Msg = "the browser could not read the file.",
        import_too_large: Msg = "the file is far larger than an agora export can be.",
        import_not_export: Msg = "this file is not an agora export.",
        /// `{thread}`
        import_other_thread: Msg = "the file holds the comments of another discussion (\u{201c}{thread}\u{201d}).",
        /// `{index}`: its position in the file (from 1), `{field}`: the field
        /// at fault, as the file names it.
        import_bad_comment: Msg = "comment {index} in the file is not valid (its \u{201c}{field}\u{201d}).",
        /// `{index}`
        import_bad_like: Msg = "like {index} in the file is not valid.",

        // Settings and articles (for site owners, shown to readers too)
        /// `{theme}`
        unknown_theme: Msg = "The theme \u{201c}{theme}\u{201d} is not known; use light, dark or auto. Following the reader\u{2019}s setting instead.",
        /// `{thread}`, `{max}`
        bad_thread: Msg = "The thread name \u{201c}{thread}\u{201d} cannot be used: use 1 to {max} letters, digits, \u{201c}-\u{201d}, \u{201c}_\u{201d} or \u{201c}.\u{201d}.",
        /// `{url}`
        article_unreachable: Msg = "The article could not be loaded from {url}: the server did not answer, or it does not allow this site to read the file (CORS).",
        /// `{url}`, `{status}` (such as "404 Not Found")
        article_status: Msg = "The article could not be loaded from {url}: the server answered {status}.",
        /// `{url}`, `{line}`, `{column}`
        article_not_json: Msg = "The article from {url} could not be read: it is not valid JSON (line {line}, column {column}).",
        /// `{url}`, `{field}`
        article_missing: Msg = "The article from {url} could not be used: it has no \u{201c}{field}\u{201d}.",
        /// `{url}`, `{field}`
        article_wrong_type: Msg = "The article from {url} could not be used: \u{201c}{field}\u{201d} is not of the kind the article format says.",
        /// `{url}`, `{field}`
        article_empty: Msg = "The article from {url} could not be used: \u{201c}{field}\u{201d} is empty.",
        /// `{url}`, `{index}`: the comment's position (from 1).
        article_bad_comment: Msg = "The article from {url} could not be used: comment {index} has an empty \u{201c}author\u{201d} or \u{201c}text\u{201d}.",
        /// `{url}`, `{index}`: the comment's position (from 1), `{field}`: `id`, `parent` or `date`.
        article_comment_field: Msg = "The article from {url} could not be used: comment {index} has a \u{201c}{field}\u{201d} that the article format does not allow.",

        // The shared discussion (Nostr relays)
        /// Under the composer without relays.
        local_only: Msg = "Comments stay in this browser: no one else sees them.",
        /// Beside the author of a reply whose parent is not in the thread.
        reply_unavailable: Msg = "Reply to a comment that is not available",
        /// Beside the time of a comment written since the reader's last visit.
        new_mark: Msg = "New",
    }
    // Messages only the relay build shows. Only its WebAssembly has them:
    // every reader of the usual build would pay for their text. Native code
    // has them too, to write and check every language's file whole
    // (`agora-language-files`).
    relay_build {
        // Settings for site owners.
        /// `{relay}`: what was given.
        bad_relay: Msg = "The relay \u{201c}{relay}\u{201d} cannot be used: give wss:// addresses (ws:// only on this computer).",
        /// `{key}`
        bad_moderator: Msg = "The moderator key \u{201c}{key}\u{201d} cannot be used: give public keys as 64 hexadecimal digits.",
        /// `{value}`: what was given.
        bad_moderation: Msg = "The moderation \u{201c}{value}\u{201d} cannot be used: give approve, or leave it out.",
        /// `{pow}`
        bad_pow: Msg = "The proof of work \u{201c}{pow}\u{201d} cannot be used: give a number of bits from 0 to 28.",

        // The shared discussion.
        /// Under the composer with relays.
        shared_publicly: Msg = "Comments are public: signed with a key kept in this browser and shared with every reader through Nostr relays.",
        /// An own comment's status: posted before the thread was shared.
        delivery_local: Msg = "Only in this browser",
        delivery_waiting: Msg = "Waiting to be sent",
        /// `{sent}` of `{n}` relays.
        delivery_sent: Forms = Forms::one_other("Sent to {sent} of {n} relay", "Sent to {sent} of {n} relays"),
        /// `{relay}`, `{reason}` (the relay's words).
        delivery_refused: Msg = "Refused by {relay}: {reason}",
        delivery_hidden: Msg = "Hidden from other readers by a moderator",
        /// In the edit box of a comment that relays have.
        edit_shared: Msg = "Other readers will see your edit as a new comment: the first version is deleted from the relays.",
        export_key: Msg = "Include my signing key",
        export_key_warning: Msg = "Anyone with the file can post as you. Keep it private.",
        /// Beside the count while relays are still sending older comments.
        loading_older: Msg = "Loading older comments\u{2026}",
        // Moderation, for a reader whose key is a moderator's.
        hide: Msg = "Hide",
        /// `{name}`: the comment's author.
        hide_label: Msg = "Hide the comment by {name}",
        unhide: Msg = "Unhide",
        /// `{name}`
        unhide_label: Msg = "Unhide the comment by {name}",
        /// `{name}`
        hide_author: Msg = "Hide all by {name}",
        /// `{name}`
        unhide_author: Msg = "Unhide all by {name}",
        /// On a comment that a moderator's list hides from other readers.
        hidden_by_moderator: Msg = "Hidden by a moderator",
        moderation_not_loaded: Msg = "Nothing was changed: this thread's relays have not all answered yet, and your newest mute list may still come. Try again in a moment.",
        moderation_no_list: Msg = "Nothing was changed: none of this thread's relays has your mute list, and agora does not start a new one that could replace a list kept elsewhere. Mute anyone once in a Nostr app to start it.",
        moderation_declined: Msg = "Nothing was changed: the signer declined.",
        /// Approval first: `{name}`, the author whose comments then show to everyone.
        approve: Msg = "Approve {name}",
        /// Approval first: on a comment others do not see yet (the author's
        /// own, and a moderator's view of it).
        awaiting_approval: Msg = "Waiting for a moderator's approval",
        /// `{n}`: replies to the reader's own comments since their last visit.
        new_replies: Forms = Forms::one_other("{n} new reply to you", "{n} new replies to you"),
    }
}

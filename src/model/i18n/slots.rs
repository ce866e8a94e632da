//! Where each message of a language goes in [`Strings`], by its position:
//! a language file in `dist/lang/` is an array of messages in this order
//! (written from `lang/<tag>.json` at build time), and a site owner's own
//! file names messages by the keys of `dist/lang/keys.json`, which are
//! these positions' names. The WebAssembly carries no key: a `match` on
//! 185 keys cost 3.7 KB gzipped, a list of them and its search 1 KB more.
//! Tests check that every position leads to the field of its key's name.

use super::strings::{Forms, Strings};

/// A message's place in a table.
pub enum Slot<'a> {
    Text(&'a mut &'static str),
    /// A plural form or a named age, which a language may not have.
    Optional(&'a mut Option<&'static str>),
}

/// How many messages every build has: positions `0..COUNT`.
pub const COUNT: usize = 169;
/// With the relay build's messages, which every file carries: positions
/// `COUNT..ALL` (the build without relays has no place for them).
pub const ALL: usize = COUNT + 18;

/// The digit group separator, the one message that may be a space.
pub const DIGIT_GROUP_SEPARATOR: usize = 1;
/// The full date and time, whose placeholders a language may order and
/// choose (`day`, `month`, `hour12`, …).
pub const FULL_TIME: usize = 70;
/// The first position of each message with plural forms: its forms `zero`,
/// `one`, `two`, `few`, `many` and `other` follow one another.
const PLURALS: [usize; 13] = [2, 17, 23, 29, 35, 41, 47, 84, 90, 114, 138, 144, COUNT + 6];

/// The fingerprint of the positions' keys ([`fingerprint`] of [`KEYS`], which
/// a test checks): a built file starts with it, and the browser compares a
/// list of keys with it, so that a file made for another version of agora
/// (a stale copy beside a new WebAssembly) is refused rather than put
/// messages in the wrong places.
pub const LAYOUT: u32 = 0xcd01_bc3a;

/// FNV-1a over the keys, each followed by a line break.
pub fn fingerprint<'a>(keys: impl IntoIterator<Item = &'a str>) -> u32 {
    keys.into_iter()
        .flat_map(|key| key.bytes().chain([b'\n']))
        .fold(0x811c_9dc5, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// Which plural message position `index` is a form of (its first
/// position), and which form: 0 `zero` to 5 `other`.
pub fn plural_form(index: usize) -> Option<(usize, usize)> {
    PLURALS.into_iter().find(|start| (*start..start + 6).contains(&index)).map(|start| (start, index - start))
}

/// The place of message `index` in `strings`, if this build has one.
pub fn place(strings: &mut Strings, index: usize) -> Option<Slot<'_>> {
    match index.checked_sub(COUNT) {
        None => usual_place(strings, index),
        Some(relay_index) => relay_place(strings, relay_index),
    }
}

/// Every position's key, as files and `dist/lang/keys.json` name them:
/// where the WebAssembly is built, not in it.
#[cfg(not(target_arch = "wasm32"))]
pub const KEYS: [&str; ALL] = [
    "code",
    "digit_group_separator",
    "comments.zero",
    "comments.one",
    "comments.two",
    "comments.few",
    "comments.many",
    "comments.other",
    "sort_group",
    "sort_label",
    "oldest",
    "newest",
    "most_liked",
    "show_more",
    "loading",
    "just_now",
    "ago",
    "minutes.zero",
    "minutes.one",
    "minutes.two",
    "minutes.few",
    "minutes.many",
    "minutes.other",
    "hours.zero",
    "hours.one",
    "hours.two",
    "hours.few",
    "hours.many",
    "hours.other",
    "days.zero",
    "days.one",
    "days.two",
    "days.few",
    "days.many",
    "days.other",
    "weeks.zero",
    "weeks.one",
    "weeks.two",
    "weeks.few",
    "weeks.many",
    "weeks.other",
    "months.zero",
    "months.one",
    "months.two",
    "months.few",
    "months.many",
    "months.other",
    "years.zero",
    "years.one",
    "years.two",
    "years.few",
    "years.many",
    "years.other",
    "named_ages.yesterday",
    "named_ages.day_before_yesterday",
    "named_ages.last_week",
    "named_ages.last_month",
    "named_ages.last_year",
    "month_names.0",
    "month_names.1",
    "month_names.2",
    "month_names.3",
    "month_names.4",
    "month_names.5",
    "month_names.6",
    "month_names.7",
    "month_names.8",
    "month_names.9",
    "month_names.10",
    "month_names.11",
    "full_time",
    "day_periods.0",
    "day_periods.1",
    "reply",
    "reply_to",
    "reply_title",
    "like",
    "like_label",
    "link",
    "link_label",
    "edit",
    "delete",
    "deleted",
    "edited",
    "replies_folded.zero",
    "replies_folded.one",
    "replies_folded.two",
    "replies_folded.few",
    "replies_folded.many",
    "replies_folded.other",
    "show_replies.zero",
    "show_replies.one",
    "show_replies.two",
    "show_replies.few",
    "show_replies.many",
    "show_replies.other",
    "hide_replies",
    "comment_deleted",
    "undo",
    "join",
    "name",
    "comment",
    "post",
    "preview",
    "nothing_to_preview",
    "cancel",
    "shortcut_hint",
    "posted",
    "edit_label",
    "save",
    "name_empty",
    "text_empty",
    "name_too_long",
    "text_too_long",
    "characters.zero",
    "characters.one",
    "characters.two",
    "characters.few",
    "characters.many",
    "characters.other",
    "insert_refused",
    "counter_left",
    "counter_over",
    "storage_unavailable",
    "storage_full",
    "storage_failed",
    "not_posted",
    "not_edited",
    "not_deleted",
    "not_restored",
    "like_not_saved",
    "only_own",
    "your_comments",
    "export",
    "import",
    "downloaded",
    "download_failed",
    "imported",
    "new_comments.zero",
    "new_comments.one",
    "new_comments.two",
    "new_comments.few",
    "new_comments.many",
    "new_comments.other",
    "likes.zero",
    "likes.one",
    "likes.two",
    "likes.few",
    "likes.many",
    "likes.other",
    "not_imported",
    "import_no_file",
    "import_unreadable",
    "import_too_large",
    "import_not_export",
    "import_other_thread",
    "import_bad_comment",
    "import_bad_like",
    "unknown_theme",
    "bad_thread",
    "article_unreachable",
    "article_status",
    "article_not_json",
    "article_missing",
    "article_wrong_type",
    "article_empty",
    "article_bad_comment",
    "local_only",
    "reply_unavailable",
    // The relay build's.
    "bad_relay",
    "bad_moderator",
    "bad_pow",
    "shared_publicly",
    "delivery_local",
    "delivery_waiting",
    "delivery_sent.zero",
    "delivery_sent.one",
    "delivery_sent.two",
    "delivery_sent.few",
    "delivery_sent.many",
    "delivery_sent.other",
    "delivery_refused",
    "delivery_hidden",
    "edit_shared",
    "export_key",
    "export_key_warning",
    "loading_older",
];

fn usual_place(strings: &mut Strings, index: usize) -> Option<Slot<'_>> {
    Some(match index {
        0 => Slot::Text(&mut strings.code),
        1 => Slot::Text(&mut strings.digit_group_separator),
        2..=7 => form(&mut strings.comments, index - 2)?,
        8 => Slot::Text(&mut strings.sort_group),
        9 => Slot::Text(&mut strings.sort_label),
        10 => Slot::Text(&mut strings.oldest),
        11 => Slot::Text(&mut strings.newest),
        12 => Slot::Text(&mut strings.most_liked),
        13 => Slot::Text(&mut strings.show_more),
        14 => Slot::Text(&mut strings.loading),
        15 => Slot::Text(&mut strings.just_now),
        16 => Slot::Text(&mut strings.ago),
        17..=22 => form(&mut strings.minutes, index - 17)?,
        23..=28 => form(&mut strings.hours, index - 23)?,
        29..=34 => form(&mut strings.days, index - 29)?,
        35..=40 => form(&mut strings.weeks, index - 35)?,
        41..=46 => form(&mut strings.months, index - 41)?,
        47..=52 => form(&mut strings.years, index - 47)?,
        53 => Slot::Optional(&mut strings.named_ages.yesterday),
        54 => Slot::Optional(&mut strings.named_ages.day_before_yesterday),
        55 => Slot::Optional(&mut strings.named_ages.last_week),
        56 => Slot::Optional(&mut strings.named_ages.last_month),
        57 => Slot::Optional(&mut strings.named_ages.last_year),
        58..=69 => Slot::Text(strings.month_names.get_mut(index - 58)?),
        70 => Slot::Text(&mut strings.full_time),
        71..=72 => Slot::Text(strings.day_periods.get_mut(index - 71)?),
        73 => Slot::Text(&mut strings.reply),
        74 => Slot::Text(&mut strings.reply_to),
        75 => Slot::Text(&mut strings.reply_title),
        76 => Slot::Text(&mut strings.like),
        77 => Slot::Text(&mut strings.like_label),
        78 => Slot::Text(&mut strings.link),
        79 => Slot::Text(&mut strings.link_label),
        80 => Slot::Text(&mut strings.edit),
        81 => Slot::Text(&mut strings.delete),
        82 => Slot::Text(&mut strings.deleted),
        83 => Slot::Text(&mut strings.edited),
        84..=89 => form(&mut strings.replies_folded, index - 84)?,
        90..=95 => form(&mut strings.show_replies, index - 90)?,
        96 => Slot::Text(&mut strings.hide_replies),
        97 => Slot::Text(&mut strings.comment_deleted),
        98 => Slot::Text(&mut strings.undo),
        99 => Slot::Text(&mut strings.join),
        100 => Slot::Text(&mut strings.name),
        101 => Slot::Text(&mut strings.comment),
        102 => Slot::Text(&mut strings.post),
        103 => Slot::Text(&mut strings.preview),
        104 => Slot::Text(&mut strings.nothing_to_preview),
        105 => Slot::Text(&mut strings.cancel),
        106 => Slot::Text(&mut strings.shortcut_hint),
        107 => Slot::Text(&mut strings.posted),
        108 => Slot::Text(&mut strings.edit_label),
        109 => Slot::Text(&mut strings.save),
        110 => Slot::Text(&mut strings.name_empty),
        111 => Slot::Text(&mut strings.text_empty),
        112 => Slot::Text(&mut strings.name_too_long),
        113 => Slot::Text(&mut strings.text_too_long),
        114..=119 => form(&mut strings.characters, index - 114)?,
        120 => Slot::Text(&mut strings.insert_refused),
        121 => Slot::Text(&mut strings.counter_left),
        122 => Slot::Text(&mut strings.counter_over),
        123 => Slot::Text(&mut strings.storage_unavailable),
        124 => Slot::Text(&mut strings.storage_full),
        125 => Slot::Text(&mut strings.storage_failed),
        126 => Slot::Text(&mut strings.not_posted),
        127 => Slot::Text(&mut strings.not_edited),
        128 => Slot::Text(&mut strings.not_deleted),
        129 => Slot::Text(&mut strings.not_restored),
        130 => Slot::Text(&mut strings.like_not_saved),
        131 => Slot::Text(&mut strings.only_own),
        132 => Slot::Text(&mut strings.your_comments),
        133 => Slot::Text(&mut strings.export),
        134 => Slot::Text(&mut strings.import),
        135 => Slot::Text(&mut strings.downloaded),
        136 => Slot::Text(&mut strings.download_failed),
        137 => Slot::Text(&mut strings.imported),
        138..=143 => form(&mut strings.new_comments, index - 138)?,
        144..=149 => form(&mut strings.likes, index - 144)?,
        150 => Slot::Text(&mut strings.not_imported),
        151 => Slot::Text(&mut strings.import_no_file),
        152 => Slot::Text(&mut strings.import_unreadable),
        153 => Slot::Text(&mut strings.import_too_large),
        154 => Slot::Text(&mut strings.import_not_export),
        155 => Slot::Text(&mut strings.import_other_thread),
        156 => Slot::Text(&mut strings.import_bad_comment),
        157 => Slot::Text(&mut strings.import_bad_like),
        158 => Slot::Text(&mut strings.unknown_theme),
        159 => Slot::Text(&mut strings.bad_thread),
        160 => Slot::Text(&mut strings.article_unreachable),
        161 => Slot::Text(&mut strings.article_status),
        162 => Slot::Text(&mut strings.article_not_json),
        163 => Slot::Text(&mut strings.article_missing),
        164 => Slot::Text(&mut strings.article_wrong_type),
        165 => Slot::Text(&mut strings.article_empty),
        166 => Slot::Text(&mut strings.article_bad_comment),
        167 => Slot::Text(&mut strings.local_only),
        168 => Slot::Text(&mut strings.reply_unavailable),
        _ => return None,
    })
}

#[cfg(any(feature = "relays", not(target_arch = "wasm32")))]
fn relay_place(strings: &mut Strings, index: usize) -> Option<Slot<'_>> {
    Some(match index {
        0 => Slot::Text(&mut strings.bad_relay),
        1 => Slot::Text(&mut strings.bad_moderator),
        2 => Slot::Text(&mut strings.bad_pow),
        3 => Slot::Text(&mut strings.shared_publicly),
        4 => Slot::Text(&mut strings.delivery_local),
        5 => Slot::Text(&mut strings.delivery_waiting),
        6..=11 => form(&mut strings.delivery_sent, index - 6)?,
        12 => Slot::Text(&mut strings.delivery_refused),
        13 => Slot::Text(&mut strings.delivery_hidden),
        14 => Slot::Text(&mut strings.edit_shared),
        15 => Slot::Text(&mut strings.export_key),
        16 => Slot::Text(&mut strings.export_key_warning),
        17 => Slot::Text(&mut strings.loading_older),
        _ => return None,
    })
}

/// Form `form` (0 `zero` to 5 `other`) of a plural message.
fn form(forms: &mut Forms, form: usize) -> Option<Slot<'_>> {
    Some(match form {
        0 => Slot::Optional(&mut forms.zero),
        1 => Slot::Optional(&mut forms.one),
        2 => Slot::Optional(&mut forms.two),
        3 => Slot::Optional(&mut forms.few),
        4 => Slot::Optional(&mut forms.many),
        5 => Slot::Text(&mut forms.other),
        _ => return None,
    })
}

/// The build without relays keeps no relay message.
#[cfg(not(any(feature = "relays", not(target_arch = "wasm32"))))]
fn relay_place(_: &mut Strings, _: usize) -> Option<Slot<'_>> {
    None
}

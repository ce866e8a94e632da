//! Paging through everything one relay holds for a thread. Relays cap what
//! one request returns (strfry 500 events per filter by default,
//! nostr-rs-relay 1,000 on Postgres, khatru 100 to 1,500), most of them
//! silently, so one `REQ` is no more than the newest page. A [`Pager`] asks
//! for older pages with `until` until a page brings nothing new:
//!
//! - `until` is inclusive by NIP-01, but some relays (PyPI nostr-relay
//!   among them) take it as exclusive, so the next page asks `until` one
//!   second after the oldest event seen: either way it includes that whole
//!   second. It repeats events of the last two seconds, which are
//!   recognised by id and do not count as new, so that events sharing a
//!   second across a page boundary are not lost. Where a full page does not
//!   reach back past those two seconds (more events in them than the relay
//!   sends at once), the next page starts a second earlier, so that one
//!   busy second costs at most its own excess, never what is older;
//! - an event dated after the page's `until` does not count (a relay that
//!   ignores `until` would otherwise send the same page forever);
//! - a page known not to be capped ends the job without asking again: the
//!   relay said "finish" (NIP-67), or it returned fewer events than its
//!   published `max_limit` (NIP-11), or fewer than it returned for another
//!   page (a relay that caps, caps every page alike);
//! - at most [`IN_FLIGHT`] pages are asked of a relay at a time (relays
//!   allow a few dozen subscriptions per connection, some fewer), each
//!   closed once answered;
//! - a page the relay refuses (`CLOSED`: too many subscriptions, rate
//!   limits, a restart) is asked again later, waiting longer each time.
//!
//! Pure: the relay layer sends what this asks for and tells it what came.

use serde_json::{Map, Value};
use std::collections::{HashMap, VecDeque};

/// Pages asked of one relay at the same time.
pub const IN_FLIGHT: usize = 4;
/// The page size asked for where a relay publishes no `max_limit`: relays
/// that cap lower return their cap.
pub const PAGE_LIMIT: usize = 5_000;
/// The most pages of one job: a relay that keeps sending "new" old events
/// (a hostile one) is not followed forever.
pub const MAX_PAGES: u32 = 200;
/// Refusals of one page in a row after which the relay no longer holds up
/// the thread's completeness (it is still asked again, less often).
pub const GIVE_UP_AFTER: u32 = 3;
/// The longest wait before something refused is tried again.
const MAX_RETRY_MS: f64 = 30_000.0;

/// How long to wait before trying again after `failures` failures in a
/// row: 1, 2, 4 … 30 s. The one rule for a relay's refused pages, refused
/// live subscriptions and lost connections.
pub fn backoff_ms(failures: u32) -> f64 {
    (1000.0 * 2f64.powi(failures.clamp(1, 16) as i32 - 1)).min(MAX_RETRY_MS)
}

/// One query paged through on one relay: a NIP-01 filter, and how far back
/// it has come.
#[derive(Clone, Debug)]
struct Job {
    /// The filter without `limit` and `until`.
    filter: Map<String, Value>,
    /// The next page's `until`: a second after the oldest event seen.
    until: Option<u64>,
    /// The events already seen that the next page may return again (dated
    /// in its last two seconds), by id.
    boundary: HashMap<String, u64>,
    pages: u32,
    /// Refusals in a row, and when the job may be asked again.
    refusals: u32,
    not_before_ms: f64,
    /// Of the page in flight: how many events came, how many of them were
    /// new, the oldest second, and the events of its last two seconds
    /// (date, id): only those can come again on the next page.
    count: usize,
    new: usize,
    oldest: Option<u64>,
    seen: Vec<(u64, String)>,
}

impl Job {
    fn new(filter: Map<String, Value>) -> Job {
        Job {
            filter,
            until: None,
            boundary: HashMap::new(),
            pages: 0,
            refusals: 0,
            not_before_ms: 0.0,
            count: 0,
            new: 0,
            oldest: None,
            seen: Vec::new(),
        }
    }

    fn request(&self, limit: usize) -> String {
        let mut filter = self.filter.clone();
        filter.insert("limit".into(), limit.into());
        if let Some(until) = self.until {
            filter.insert("until".into(), until.into());
        }
        Value::Object(filter).to_string()
    }

    fn saw(&mut self, id: &str, created_at: u64) {
        if self.until.is_some_and(|until| created_at > until) {
            return;
        }
        self.count += 1;
        if !self.boundary.contains_key(id) {
            self.new += 1;
        }
        if self.oldest.is_none_or(|oldest| created_at < oldest) {
            self.oldest = Some(created_at);
            self.seen.retain(|(at, _)| *at <= created_at.saturating_add(1));
        }
        // Bounded, also against a relay that sends far more than it was asked.
        let in_window = self.oldest.is_some_and(|oldest| created_at <= oldest.saturating_add(1));
        if in_window && self.seen.len() < 2 * PAGE_LIMIT {
            self.seen.push((created_at, id.to_string()));
        }
    }

    /// Starts the next page from this one's oldest second, or a second
    /// earlier than the last page where this one did not reach back past
    /// it. Returns `false` when there is nothing earlier to ask for.
    fn turn_page(&mut self) -> bool {
        let seen = std::mem::take(&mut self.seen);
        let Some(oldest) = self.oldest.take() else { return false };
        let next = match self.until {
            Some(until) if oldest.saturating_add(1) >= until => until.checked_sub(1),
            _ => Some(oldest.saturating_add(1)),
        };
        let Some(next) = next else { return false };
        let window = next.saturating_sub(1)..=next;
        self.boundary.retain(|_, at| window.contains(at));
        self.boundary.extend(seen.into_iter().filter(|(at, _)| window.contains(at)).map(|(at, id)| (id, at)));
        self.until = Some(next);
        self.count = 0;
        self.new = 0;
        true
    }

    /// Counts an event of the page that could not be read (too long, or
    /// malformed): the page is no shorter for it.
    fn saw_unreadable(&mut self) {
        self.count += 1;
    }

    /// Forgets a page that got no answer: it is asked again whole.
    fn restart_page(&mut self) {
        self.count = 0;
        self.new = 0;
        self.oldest = None;
        self.seen.clear();
    }
}

/// What happened to a page the relay answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageEnd {
    /// Older events may remain: the next page is waiting to be asked.
    More,
    /// The job has everything the relay holds for it.
    Done,
    /// Not a page of this pager (another subscription).
    Unknown,
}

/// The pages of every job on one relay.
#[derive(Clone, Debug, Default)]
pub struct Pager {
    waiting: VecDeque<Job>,
    in_flight: Vec<(String, Job)>,
    /// Sent with each page: the subscription ids tell pages apart.
    next_page: u64,
    /// The relay's published `max_limit` (NIP-11), if known.
    max_limit: Option<usize>,
    /// The most events one page of this relay returned.
    most: usize,
    /// Pages refused or left unanswered in a row, on any job: a relay that
    /// refuses or ignores everything no longer holds up the thread, also
    /// with jobs it has not been asked yet.
    troubles: u32,
}

impl Pager {
    /// Pages through `filter` (a JSON object; anything else is ignored) on
    /// this relay, after the jobs already waiting.
    pub fn add(&mut self, filter: Value) {
        if let Value::Object(filter) = filter {
            self.waiting.push_back(Job::new(filter));
        }
    }

    /// The relay's `max_limit` from its information document (NIP-11).
    pub fn set_max_limit(&mut self, max_limit: usize) {
        self.max_limit = Some(max_limit.max(1));
    }

    fn limit(&self) -> usize {
        self.max_limit.map_or(PAGE_LIMIT, |max| max.min(PAGE_LIMIT))
    }

    /// The pages to ask for now (subscription id, filter), as many as the
    /// relay's share of subscriptions allows. `now_ms`: this computer's clock.
    pub fn next_pages(&mut self, now_ms: f64) -> Vec<(String, String)> {
        let mut pages = Vec::new();
        let limit = self.limit();
        let mut kept = VecDeque::new();
        while self.in_flight.len() < IN_FLIGHT {
            let Some(job) = self.waiting.pop_front() else { break };
            if job.not_before_ms > now_ms {
                kept.push_back(job);
                continue;
            }
            self.next_page += 1;
            let id = format!("p{}", self.next_page);
            pages.push((id.clone(), job.request(limit)));
            self.in_flight.push((id, job));
        }
        kept.extend(self.waiting.drain(..));
        self.waiting = kept;
        pages
    }

    /// When a refused page may be asked again, if one waits for that.
    pub fn next_retry_ms(&self) -> Option<f64> {
        self.waiting.iter().filter(|job| job.refusals > 0).map(|job| job.not_before_ms).reduce(f64::min)
    }

    /// An event arrived on subscription `sub`; returns whether that is one
    /// of this pager's pages.
    pub fn event(&mut self, sub: &str, id: &str, created_at: u64) -> bool {
        match self.in_flight.iter_mut().find(|(s, _)| s == sub) {
            Some((_, job)) => {
                job.saw(id, created_at);
                self.troubles = 0;
                true
            }
            None => false,
        }
    }

    /// The relay ended page `sub` (`EOSE`; `finish`: it said the page holds
    /// all that matches, NIP-67). The caller closes the subscription.
    pub fn end_of_page(&mut self, sub: &str, finish: bool) -> PageEnd {
        let Some(at) = self.in_flight.iter().position(|(s, _)| s == sub) else { return PageEnd::Unknown };
        let (_, mut job) = self.in_flight.remove(at);
        self.troubles = 0;
        let count = job.count;
        // Capped, as far as this relay's word and its other pages tell.
        // Before any page is in, only a published `max_limit` tells.
        let capped = count >= self.limit() || (count >= self.most && (self.most > 0 || self.max_limit.is_none()));
        self.most = self.most.max(count);
        job.pages += 1;
        job.refusals = 0;
        // A full page of nothing new only repeats a busy second: step back.
        if finish || !capped || job.pages >= MAX_PAGES || !job.turn_page() {
            return PageEnd::Done;
        }
        self.waiting.push_front(job);
        PageEnd::More
    }

    /// An event of page `sub` that could not be read arrived.
    pub fn unreadable(&mut self, sub: &str) {
        if let Some((_, job)) = self.in_flight.iter_mut().find(|(s, _)| s == sub) {
            job.saw_unreadable();
        }
    }

    /// How many events page `sub` has brought so far, while it is in
    /// flight: a page that brings nothing for long is given up.
    pub fn progress(&self, sub: &str) -> Option<usize> {
        self.in_flight.iter().find(|(s, _)| s == sub).map(|(_, job)| job.count)
    }

    /// Page `sub` went unanswered for long: it is asked again later, as if
    /// refused, and no longer holds up the thread (a relay that answers
    /// nothing, or drops requests without saying so).
    pub fn timed_out(&mut self, sub: &str, now_ms: f64) -> bool {
        let Some(job) = self.in_flight.iter_mut().find(|(s, _)| s == sub).map(|(_, job)| job) else { return false };
        job.refusals = job.refusals.max(GIVE_UP_AFTER - 1);
        self.closed(sub, now_ms);
        self.troubles = self.troubles.max(GIVE_UP_AFTER);
        true
    }

    /// The relay refused or dropped page `sub` (`CLOSED`): it is asked again
    /// later, waiting 1, 2, 4 … 30 s. Returns whether it was a page.
    pub fn closed(&mut self, sub: &str, now_ms: f64) -> bool {
        let Some(at) = self.in_flight.iter().position(|(s, _)| s == sub) else { return false };
        let (_, mut job) = self.in_flight.remove(at);
        job.restart_page();
        job.refusals = job.refusals.saturating_add(1);
        self.troubles = self.troubles.saturating_add(1);
        job.not_before_ms = now_ms + backoff_ms(job.refusals);
        self.waiting.push_back(job);
        true
    }

    /// The connection closed: pages in flight are asked again, first, once
    /// it is open again.
    pub fn reconnected(&mut self) {
        for (_, mut job) in self.in_flight.drain(..).rev() {
            job.restart_page();
            self.waiting.push_front(job);
        }
    }

    /// Whether every job has come to its end, or is refused so persistently
    /// that it should not hold up the thread.
    pub fn settled(&self) -> bool {
        let given_up = |job: &Job| job.refusals >= GIVE_UP_AFTER;
        self.troubles >= GIVE_UP_AFTER
            || (self.in_flight.iter().all(|(_, job)| given_up(job)) && self.waiting.iter().all(given_up))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::HashSet;

    /// How a relay reads `until`: as NIP-01 says, or as some relays do.
    #[derive(Clone, Copy)]
    enum Until {
        Inclusive,
        Exclusive,
    }

    /// What a relay holding `events` (id, created_at; newest first, as
    /// relays answer) returns for `filter`: at most `cap`.
    fn matching<'a>(events: &'a [(String, u64)], cap: usize, filter: &str, until: Until) -> Vec<&'a (String, u64)> {
        let filter: Value = serde_json::from_str(filter).unwrap();
        let before = filter.get("until").and_then(Value::as_u64);
        let limit = filter.get("limit").and_then(Value::as_u64).unwrap() as usize;
        let within = |at: u64| match (before, until) {
            (None, _) => true,
            (Some(u), Until::Inclusive) => at <= u,
            (Some(u), Until::Exclusive) => at < u,
        };
        events.iter().filter(|(_, at)| within(*at)).take(cap.min(limit)).collect()
    }

    /// `n` events, `per_second` of them in each second, newest first.
    fn thread(n: usize, per_second: usize) -> Vec<(String, u64)> {
        let mut events: Vec<(String, u64)> =
            (0..n).map(|i| (format!("{i:064x}"), 1_000 + (i / per_second) as u64)).collect();
        events.reverse();
        events
    }

    /// Pages until done; returns the ids seen and the pages asked for.
    fn page_through(pager: &mut Pager, events: &[(String, u64)], cap: usize) -> (HashSet<String>, u32) {
        page_through_relay(pager, events, cap, Until::Inclusive)
    }

    fn page_through_relay(
        pager: &mut Pager,
        events: &[(String, u64)],
        cap: usize,
        until: Until,
    ) -> (HashSet<String>, u32) {
        let mut seen = HashSet::new();
        let (mut rounds, mut requests) = (0, 0);
        loop {
            let pages = pager.next_pages(0.0);
            if pages.is_empty() {
                break;
            }
            requests += pages.len() as u32;
            for (sub, filter) in pages {
                for (id, at) in matching(events, cap, &filter, until) {
                    assert!(pager.event(&sub, id, *at));
                    seen.insert(id.clone());
                }
                pager.end_of_page(&sub, false);
            }
            rounds += 1;
            assert!(rounds < 100, "paging never ends");
        }
        (seen, requests)
    }

    #[test]
    fn a_capped_relay_is_paged_to_its_oldest_event_across_shared_seconds() {
        // 1,300 events, 7 per second: every page boundary falls inside a second.
        let events = thread(1_300, 7);
        let mut pager = Pager::default();
        pager.add(json!({ "kinds": [1111] }));
        let (seen, requests) = page_through(&mut pager, &events, 500);
        assert_eq!(seen.len(), 1_300, "every event, the boundary seconds' too");
        assert!(pager.settled());
        // 500, then 500 new (+ repeats of a boundary second), then the rest,
        // which is under the cap: no request only to learn that nothing is left.
        assert_eq!(requests, 3);
        // The same on a relay that takes `until` as exclusive.
        let mut pager = Pager::default();
        pager.add(json!({ "kinds": [1111] }));
        let (seen, _) = page_through_relay(&mut pager, &events, 500, Until::Exclusive);
        assert_eq!(seen.len(), 1_300, "every event from a relay with an exclusive until");
        assert!(pager.settled());
    }

    #[test]
    fn without_a_cap_known_one_more_page_confirms_the_end() {
        let events = thread(40, 3);
        let mut pager = Pager::default();
        pager.add(json!({ "kinds": [1111] }));
        let (seen, requests) = page_through(&mut pager, &events, 500);
        assert_eq!(seen.len(), 40);
        assert_eq!(requests, 2, "40 could be a cap of 40: one more page brings nothing new");
        // A published max_limit above what came says so at once.
        let mut pager = Pager::default();
        pager.set_max_limit(500);
        pager.add(json!({ "kinds": [1111] }));
        assert_eq!(page_through(&mut pager, &events, 500).1, 1);
    }

    #[test]
    fn a_relay_s_own_cap_is_learned_from_its_fullest_page() {
        let big = thread(1_000, 1);
        let small = thread(30, 1);
        let mut pager = Pager::default();
        pager.add(json!({ "kinds": [1111] }));
        page_through(&mut pager, &big, 100);
        pager.add(json!({ "kinds": [7] }));
        let (_, requests) = page_through(&mut pager, &small, 100);
        assert_eq!(requests, 1, "30 is under the 100 this relay returned before");
    }

    #[test]
    fn a_hint_that_the_page_is_complete_ends_the_job() {
        let mut pager = Pager::default();
        pager.add(json!({ "kinds": [1111] }));
        let (sub, _) = pager.next_pages(0.0).remove(0);
        for i in 0..10 {
            pager.event(&sub, &format!("{i}"), 50);
        }
        assert_eq!(pager.end_of_page(&sub, true), PageEnd::Done);
        assert!(pager.settled());
        assert_eq!(pager.end_of_page("c", false), PageEnd::Unknown);
    }

    #[test]
    fn more_events_in_one_second_than_a_page_cost_only_that_second() {
        // 1,200 events in the newest second, 300 older ones; capped at 500,
        // the busy second repeats until the page steps a second back.
        let mut events = thread(300, 3);
        let busy: Vec<(String, u64)> = (0..1_200).map(|i| (format!("busy{i}"), 5_000)).collect();
        events.splice(0..0, busy);
        for until in [Until::Inclusive, Until::Exclusive] {
            let mut pager = Pager::default();
            pager.add(json!({ "kinds": [1111] }));
            let (seen, requests) = page_through_relay(&mut pager, &events, 500, until);
            assert!(pager.settled());
            assert_eq!(seen.iter().filter(|id| !id.starts_with("busy")).count(), 300, "every older event");
            assert!(requests <= 4, "{requests}");
        }
    }

    #[test]
    fn a_relay_that_ignores_until_or_sends_what_was_not_asked_ends() {
        let events = thread(2_000, 1);
        let mut pager = Pager::default();
        pager.add(json!({ "kinds": [1111] }));
        let mut requests = 0;
        while let Some((sub, _)) = pager.next_pages(0.0).pop() {
            // The same newest 500, whatever the page asked for.
            for (id, at) in events.iter().take(500) {
                pager.event(&sub, id, *at);
            }
            pager.end_of_page(&sub, false);
            requests += 1;
            assert!(requests < 10, "never ends");
        }
        assert!(pager.settled());
    }

    #[test]
    fn a_page_unanswered_for_long_is_asked_again_later_and_holds_nothing_up() {
        let mut pager = Pager::default();
        pager.add(json!({ "kinds": [1111] }));
        let (sub, _) = pager.next_pages(0.0).remove(0);
        assert_eq!(pager.progress(&sub), Some(0));
        pager.event(&sub, "a", 10);
        assert_eq!(pager.progress(&sub), Some(1));
        pager.add(json!({ "kinds": [7] }));
        assert!(pager.timed_out(&sub, 0.0));
        assert!(pager.settled(), "a silent relay does not keep the thread loading, nor its next jobs");
        assert_eq!(pager.next_pages(100_000.0).len(), 2, "asked again later");
        assert!(pager.settled(), "also while it is asked again");
        // Unreadable events still count: the page is not taken for a short one.
        let mut pager = Pager::default();
        pager.set_max_limit(2);
        pager.add(json!({ "kinds": [1111] }));
        let (sub, _) = pager.next_pages(0.0).remove(0);
        pager.event(&sub, "a", 10);
        pager.unreadable(&sub);
        assert_eq!(pager.end_of_page(&sub, false), PageEnd::More);
    }

    #[test]
    fn at_most_a_few_pages_at_a_time_and_a_refused_page_is_asked_again_later() {
        let mut pager = Pager::default();
        for kind in 0..10 {
            pager.add(json!({ "kinds": [kind] }));
        }
        let pages = pager.next_pages(0.0);
        assert_eq!(pages.len(), IN_FLIGHT);
        assert!(pager.next_pages(0.0).is_empty(), "no more while four are open");
        let (refused, filter) = pages[0].clone();
        assert!(pager.closed(&refused, 0.0));
        assert_eq!(pager.progress(&refused), None);
        assert_eq!(pager.next_retry_ms(), Some(1_000.0));
        for (sub, _) in &pages[1..] {
            pager.end_of_page(sub, true);
        }
        let next = pager.next_pages(0.0);
        assert_eq!(next.len(), IN_FLIGHT);
        assert!(next.iter().all(|(_, f)| *f != filter), "the refused page waits its turn");
        for (sub, _) in &next {
            pager.end_of_page(sub, true);
        }
        let rest = pager.next_pages(0.0);
        assert_eq!(rest.len(), 2, "jobs 8 and 9; the refused one waits");
        let again = pager.next_pages(1_000.0);
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].1, filter);
        assert!(!pager.settled());
        // Refused again and again: it stops holding up the thread.
        for (sub, _) in &rest {
            pager.end_of_page(sub, true);
        }
        let mut sub = again[0].0.clone();
        for round in 0..GIVE_UP_AFTER {
            pager.closed(&sub, 0.0);
            if round + 1 < GIVE_UP_AFTER {
                sub = pager.next_pages(f64::MAX).remove(0).0;
            }
        }
        assert!(pager.settled());
    }

    #[test]
    fn pages_cut_off_by_a_lost_connection_are_asked_again_first() {
        let mut pager = Pager::default();
        pager.add(json!({ "kinds": [1] }));
        pager.add(json!({ "kinds": [2] }));
        let first = pager.next_pages(0.0);
        pager.event(&first[0].0, "a", 10);
        pager.reconnected();
        let again = pager.next_pages(0.0);
        assert_eq!(
            again.iter().map(|(_, f)| f.clone()).collect::<Vec<_>>(),
            first.iter().map(|(_, f)| f.clone()).collect::<Vec<_>>()
        );
        assert!(!pager.event(&first[0].0, "b", 9), "the old subscription is no page any more");
    }

    #[test]
    fn a_page_asks_for_the_relay_s_limit_and_the_oldest_second_seen() {
        let mut pager = Pager::default();
        pager.set_max_limit(300);
        pager.add(json!({ "kinds": [1111], "#I": ["https://a.example/p"] }));
        let (sub, filter) = pager.next_pages(0.0).remove(0);
        assert_eq!(filter, r##"{"#I":["https://a.example/p"],"kinds":[1111],"limit":300}"##);
        for i in 0..300 {
            pager.event(&sub, &format!("{i}"), 2_000 - i / 10);
        }
        assert_eq!(pager.end_of_page(&sub, false), PageEnd::More);
        let (_, filter) = pager.next_pages(0.0).remove(0);
        assert_eq!(filter, r##"{"#I":["https://a.example/p"],"kinds":[1111],"limit":300,"until":1972}"##);
    }
}

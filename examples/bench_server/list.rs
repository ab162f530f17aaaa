//! `GET /api/models?…`: the Hub's list endpoint over `count` synthetic models, paged with an
//! opaque cursor in a `Link: <…>; rel="next"` header that repeats every query parameter.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};
use wiremock::{Request, Respond, ResponseTemplate};

use densing::sources::hub_api::HUB_EXPAND_NAMES;

use crate::log::Log;
use crate::synth::{mix, model};

/// `expand[]` values the Hub accepts besides [`HUB_EXPAND_NAMES`] (huggingface_hub's list):
/// `xetEnabled`, which an earlier release of the same list had. Anything else is a 400, as on
/// the Hub.
const EXTRA_EXPAND: &[&str] = &["xetEnabled"];

/// What a list item has when no `expand[]` is given (source_formats.md §1.2).
const DEFAULT_FIELDS: &[&str] =
    &["likes", "trendingScore", "private", "downloads", "tags", "pipeline_tag", "library_name", "createdAt"];

const MAX_LIMIT: u64 = 1000;
const CURSOR_MASK: u64 = 0x5EED_CAFE_F00D_D00D;

pub struct ListModels {
    pub count: u64,
    pub base: String,
    pub latency: Duration,
    pub log: Arc<Log>,
}

/// The opaque cursor: the offset, masked, with a check so a made-up cursor is refused.
fn cursor(offset: u64) -> String {
    format!("{:016x}{:04x}", offset ^ CURSOR_MASK, mix(offset) & 0xffff)
}

fn offset(cursor: &str) -> Option<u64> {
    let value = u64::from_str_radix(cursor.get(..16)?, 16).ok()? ^ CURSOR_MASK;
    (cursor.len() == 20 && cursor[16..] == format!("{:04x}", mix(value) & 0xffff)).then_some(value)
}

/// A response, still readable (wiremock's template keeps status and body private).
struct Reply {
    status: u16,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
}

fn error(status: u16, message: &str) -> Reply {
    Reply { status, body: serde_json::json!({ "error": message }).to_string().into_bytes(), headers: Vec::new() }
}

impl ListModels {
    fn page(&self, request: &Request) -> Result<Reply, Reply> {
        let pairs: Vec<(String, String)> =
            request.url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        let expand: HashSet<&str> = pairs.iter().filter(|(k, _)| k == "expand[]").map(|(_, v)| v.as_str()).collect();
        let known = |e: &&str| HUB_EXPAND_NAMES.contains(e) || EXTRA_EXPAND.contains(e);
        if let Some(bad) = expand.iter().find(|e| !known(e)) {
            let names = [HUB_EXPAND_NAMES, EXTRA_EXPAND].concat().join(", ");
            return Err(error(400, &format!("\"expand\" must be one of [{names}], got {bad:?}")));
        }
        let limit = match get("limit").map(str::parse::<u64>) {
            None => MAX_LIMIT,
            Some(Ok(n)) if n > 0 => n.min(MAX_LIMIT),
            Some(_) => return Err(error(400, "\"limit\" must be a positive integer")),
        };
        let start = match get("cursor") {
            None => 0,
            Some(c) => offset(c).ok_or_else(|| error(400, "Invalid cursor"))?,
        };
        let descending = get("direction") == Some("-1");
        let wanted = |key: &str| {
            if expand.is_empty() {
                DEFAULT_FIELDS.contains(&key)
            } else {
                expand.contains(key)
            }
        };
        let end = (start + limit).min(self.count);
        let items: Vec<serde_json::Value> =
            (start..end).map(|p| model(if descending { self.count - 1 - p } else { p }, &wanted)).collect();
        let body = serde_json::to_vec(&items).expect("serialisable");
        let etag = format!("\"{}\"", hex(&Sha256::digest(&body)[..16]));
        let fresh = request.headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some(&etag);
        let mut reply = if fresh {
            Reply { status: 304, body: Vec::new(), headers: Vec::new() }
        } else {
            Reply { status: 200, body, headers: Vec::new() }
        };
        reply.headers.push(("etag", etag));
        if end < self.count {
            let mut next = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in pairs.iter().filter(|(k, _)| k != "cursor") {
                next.append_pair(k, v);
            }
            next.append_pair("cursor", &cursor(end));
            reply.headers.push(("link", format!("<{}/api/models?{}>; rel=\"next\"", self.base, next.finish())));
        }
        Ok(reply)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Respond for ListModels {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let reply = self.page(request).unwrap_or_else(|e| e);
        self.log.record(&request.url[url::Position::BeforePath..], reply.status, reply.body.len());
        let mut response = ResponseTemplate::new(reply.status);
        for (name, value) in &reply.headers {
            response = response.insert_header(*name, value.as_str());
        }
        if reply.status != 304 {
            response = response.set_body_raw(reply.body, "application/json");
        }
        response.set_delay(self.latency)
    }
}

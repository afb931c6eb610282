//! The HTTP side of `serve` (axum and tower-http's `ServeDir`): the site
//! folder, the live event stream, and a middleware that adds the live
//! script and the error overlay to every HTML response (never to the files).
//!
//! Requests that lead outside the site folder get 404: `..` segments, also
//! percent-encoded, and symbolic links whose target lies outside; names too
//! long for any file get 404, paths too long 414. [`serve`] accepts the
//! connections itself (hyper) to close those that do not send a whole
//! request head in [`HEAD_TIMEOUT`], idle ones included. Unless `--bind`
//! asked otherwise, a request must carry exactly one `Host` header naming
//! this computer ([`is_local`]).

use super::live::{self, Hub};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio_stream::StreamExt as _;
use tower::ServiceExt as _;
use tower_http::services::ServeDir;

/// What the handlers share.
pub struct Shared {
    /// The site folder; replaced when a full build moves it.
    pub site: RwLock<PathBuf>,
    pub hub: Hub,
    /// Answer only requests addressed to this computer by name (`localhost`,
    /// `127.0.0.1`): pages of other sites cannot then read the drafts through
    /// a domain that resolves to 127.0.0.1 (DNS rebinding).
    pub local_only: bool,
}

impl Shared {
    pub fn new(site: PathBuf, local_only: bool) -> Arc<Shared> {
        Arc::new(Shared {
            site: RwLock::new(site),
            hub: Hub::default(),
            local_only,
        })
    }

    /// The site folder being served.
    pub fn site(&self) -> PathBuf {
        self.site.read().expect("not poisoned").clone()
    }
}

/// How long a connection may take to send a request head, and how long it
/// may stay idle between requests.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest request path served; longer ones get 414.
pub const MAX_PATH: usize = 2048;
/// The longest name of a file or folder (Linux's `NAME_MAX`).
const MAX_NAME: usize = 255;

/// Serves `router` on `listener` until the process ends, each connection
/// with [`HEAD_TIMEOUT`].
pub async fn serve(listener: tokio::net::TcpListener, router: Router) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file handles and the like: wait instead of spinning.
                eprintln!("warning: cannot accept a connection: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let io = hyper_util::rt::TokioIo::new(stream);
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .keep_alive(true)
                .serve_connection(io, service)
                .await;
        });
    }
}

/// The server's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(live::EVENTS, get(events))
        .route(live::SCRIPT, get(script))
        .fallback(site)
        .layer(middleware::from_fn_with_state(shared.clone(), decorate))
        .with_state(shared)
}

async fn events(
    State(s): State<Arc<Shared>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let rx = s.hub.subscribe();
    let hello = tokio_stream::once(Ok(Event::default().event("hello").data("konzept")));
    let updates = tokio_stream::wrappers::BroadcastStream::new(rx).filter_map(|m| {
        // A lagging page misses old events; the next one still reaches it.
        m.ok().map(|e| {
            let (name, data) = e.wire();
            Ok(Event::default().event(name).data(data))
        })
    });
    Sse::new(hello.chain(updates)).keep_alive(KeepAlive::default())
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        live::SCRIPT_SOURCE,
    )
}

/// A file from the site folder, or the site's 404 page.
async fn site(State(s): State<Arc<Shared>>, req: Request) -> Response {
    let dir = s.site();
    if req.uri().path().len() > MAX_PATH {
        return StatusCode::URI_TOO_LONG.into_response();
    }
    if !nameable(req.uri().path()) || !inside(&dir, req.uri().path()) {
        return not_found(&dir);
    }
    let res = match ServeDir::new(&dir).oneshot(req).await {
        Ok(r) => r,
        Err(e) => match e {},
    };
    if res.status() == StatusCode::NOT_FOUND {
        return not_found(&dir);
    }
    res.map(Body::new)
}

fn not_found(dir: &Path) -> Response {
    let page = std::fs::read_to_string(dir.join("404.html"))
        .unwrap_or_else(|_| "<!doctype html><title>404</title><body></body>".into());
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// Whether every segment of the path could be the name of a file.
fn nameable(request_path: &str) -> bool {
    percent_encoding::percent_decode_str(request_path)
        .decode_utf8()
        .is_ok_and(|p| p.split('/').all(|seg| seg.len() <= MAX_NAME))
}

/// Whether the request path names something inside `dir`: no `..` (also
/// percent-encoded), no backslashes, and no symbolic link leading out.
pub fn inside(dir: &Path, request_path: &str) -> bool {
    let Ok(decoded) = percent_encoding::percent_decode_str(request_path).decode_utf8() else {
        return false;
    };
    if decoded.contains(['\\', '\0']) {
        return false;
    }
    let mut path = dir.to_path_buf();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return false,
            s => path.push(s),
        }
    }
    if std::fs::symlink_metadata(&path).is_err() {
        // Nothing there: ServeDir answers 404.
        return true;
    }
    let Ok(base) = std::fs::canonicalize(dir) else {
        return false;
    };
    let within = |p: &Path| std::fs::canonicalize(p).is_ok_and(|c| c.starts_with(&base));
    if !within(&path) {
        return false;
    }
    let index = path.join("index.html");
    !path.is_dir() || std::fs::symlink_metadata(&index).is_err() || within(&index)
}

/// Adds the live script and the overlay to HTML pages, and keeps browsers
/// from caching anything the next save may change.
async fn decorate(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    if s.local_only {
        let mut hosts = req.headers().get_all(header::HOST).iter();
        let (Some(host), None) = (hosts.next(), hosts.next()) else {
            return (
                StatusCode::BAD_REQUEST,
                "a request needs exactly one Host header\n",
            )
                .into_response();
        };
        if !host.to_str().is_ok_and(is_local) {
            return (
                StatusCode::FORBIDDEN,
                "konzept serve answers only localhost\n",
            )
                .into_response();
        }
    }
    let is_head = req.method() == Method::HEAD;
    let own = req.uri().path().starts_with("/__konzept/");
    let mut res = next.run(req).await;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let whole = matches!(res.status(), StatusCode::OK | StatusCode::NOT_FOUND);
    if own || !html || !whole {
        return res;
    }
    res.headers_mut().remove(header::CONTENT_LENGTH);
    res.headers_mut().remove(header::ETAG);
    res.headers_mut().remove(header::LAST_MODIFIED);
    if is_head {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 << 20).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let page = String::from_utf8_lossy(&bytes);
    let page = live::inject(&page, &live::injection(&s.hub.overlay()));
    Response::from_parts(parts, Body::from(page))
}

/// Whether a `Host` header names this computer: exactly `localhost`,
/// `127.0.0.1` or `[::1]`, each with an optional numeric port.
pub fn is_local(host: &str) -> bool {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some(("::1", port)) => ("[::1]", port),
            _ => return false,
        },
        None => match host.split_once(':') {
            Some((name, _)) => (name, &host[name.len()..]),
            None => (host, ""),
        },
    };
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|p| {
            (1..=5).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|n| n <= 65_535)
        });
    port_ok && (name == "[::1]" || name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_host_names_are_answered() {
        for ok in [
            "localhost:3000",
            "127.0.0.1:3000",
            "127.0.0.1",
            "[::1]:3000",
            "[::1]",
            "LOCALHOST",
        ] {
            assert!(is_local(ok), "{ok}");
        }
        for bad in [
            "evil.example:3000",
            "",
            "192.168.1.5:3000",
            "[::2]:3000",
            "localhost.evil.example",
            "127.0.0.1:80@evil.example",
            "[::1]evil.example",
            "[::1]:80@evil.example",
            "localhost:",
            "localhost:99999",
            "localhost:3000:3000",
            "127.0.0.2",
            "localhost@evil.example",
            " localhost",
        ] {
            assert!(!is_local(bad), "{bad}");
        }
    }

    #[test]
    fn paths_outside_the_site_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("public");
        std::fs::create_dir_all(site.join("kapitel/a")).unwrap();
        std::fs::write(site.join("kapitel/a/index.html"), "a").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "s").unwrap();
        assert!(inside(&site, "/kapitel/a/"));
        assert!(inside(&site, "/kapitel/a/index.html"));
        assert!(inside(&site, "/gibt-es-nicht/"));
        assert!(inside(&site, "/kapitel/%61/"));
        assert!(!inside(&site, "/../secret.txt"));
        assert!(!inside(&site, "/kapitel/../../secret.txt"));
        assert!(!inside(&site, "/%2e%2e/secret.txt"));
        assert!(!inside(&site, "/%2E%2E%2fsecret.txt"));
        assert!(!inside(&site, "/..%5csecret.txt"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), site.join("leak.txt"))
                .unwrap();
            std::os::unix::fs::symlink(tmp.path(), site.join("up")).unwrap();
            assert!(!inside(&site, "/leak.txt"));
            assert!(!inside(&site, "/up/secret.txt"));
            assert!(!inside(&site, "/up/"));
        }
    }
}

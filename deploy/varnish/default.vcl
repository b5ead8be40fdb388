vcl 4.1;
# Varnish 7.1 (Debian 12) in front of Pressroom (#18). See deploy/varnish/README.md and docs/caching.md.
#
# Pressroom says how long a response may be kept (Cache-Control s-maxage, bounded by the next embargo
# lift; stale-while-revalidate) and what it shows (Surrogate-Key); on publish, correction, withdrawal,
# takedown and embargo lift it sends `BAN /` with `X-Purge-Keys: k1 k2 ...` (PRESSROOM_CDN_PURGE_URL
# pointing here), which bans every object whose Surrogate-Key names one of the keys.

import std;

# The app server, or with several nginx's loopback server balancing over them (127.0.0.1:8080 in
# docs/deployment.md). The test suite substitutes the two lines marked @backend-host and
# @backend-port with its own server's (or nginx's) address.
backend pressroom {
    .host = "127.0.0.1"; # @backend-host
    .port = "3000"; # @backend-port
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 30s;
}

# Who may BAN: this machine and the Pressroom servers (add their addresses or ranges).
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "BAN not allowed from this address"));
        }
        # Keys are words of letters, digits and hyphens (release-12 board-press-releases home):
        # anything else would be read as a regular expression.
        if (req.http.X-Purge-Keys !~ "^[A-Za-z0-9-]+( [A-Za-z0-9-]+)*$") {
            return (synth(400, "X-Purge-Keys must be space-separated keys"));
        }
        ban("obj.http.Surrogate-Key ~ (^|\s)(" + regsuball(req.http.X-Purge-Keys, " ", "|") + ")(\s|$)");
        return (synth(200, "Banned"));
    }
    call vcl_req_host;
    call vcl_req_method;
    # Staff pages, previews and anything signed in or sent with credentials go to the app, never cached.
    if (req.url ~ "^/(admin|preview)(/|\?|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)pressroom_session=") {
        return (pass);
    }
    # Other cookies (the language choice, a form's CSRF cookie) do not change what public pages show;
    # responses that depend on them say so themselves (private, no-store or Set-Cookie), and those
    # are never stored (vcl_backend_response below keeps the built-in rules).
    return (hash);
}

sub vcl_backend_response {
    # s-maxage already set beresp.ttl. Grace is what Pressroom allows as stale-while-revalidate and
    # nothing else: near an embargo lift it sends none, so no stale list is served across the lift.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-while-revalidate=([0-9]+).*$", "\1s"), 0s);
    } else {
        set beresp.grace = 0s;
    }
    # A response that says nothing about caching is not guessed at (Varnish would keep it 2 minutes).
    if (!beresp.http.Cache-Control) {
        set beresp.ttl = 0s;
    }
    # Then Varnish's built-in rules: no-store, private, no-cache and Set-Cookie are never stored.
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for this cache; Cache-Tag stays for a CDN further out.
    unset resp.http.Surrogate-Key;
}

"""A real SMTP server for comptoir-mail's tests, built on aiosmtpd.

Every accepted message is written to OUT_DIR as:
  N.eml         the raw bytes as received (after the SMTP dot-unstuffing),
  N.att0.bin …  each attachment's decoded bytes,
  N.json        what Python's own e-mail parser reads from it (written last, so its presence
                means the rest is complete).
The test compares that with what it sent; using Python's parser checks the MIME structure
with an implementation that shares nothing with lettre.

Usage: smtp_sink.py OUT_DIR [--port N] [--user U --password P] [--tempfail ADDR]... [--reject ADDR]...
                   [--starttls | --tls]
--starttls offers STARTTLS, --tls speaks TLS from the first byte; both with the self-signed
certificate sink-cert.pem (CN=localhost, IP 127.0.0.1), which a client must refuse.
Prints "READY <port>" on stdout once it listens on 127.0.0.1 (port chosen by the system).
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, out_dir, tempfail, reject):
        self.out_dir = out_dir
        self.tempfail = {a.lower() for a in tempfail}
        self.reject = {a.lower() for a in reject}
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # The answers are worded as Postfix words them, enhanced status codes included.
        if address.lower() in self.tempfail:
            return f"450 4.2.0 <{address}>: Recipient address rejected: Greylisted, try again later"
        if address.lower() in self.reject:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        n = self.count
        raw = envelope.original_content or envelope.content
        with open(os.path.join(self.out_dir, f"{n}.eml"), "wb") as f:
            f.write(raw)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        attachments = []
        for i, part in enumerate(msg.iter_attachments()):
            payload = part.get_payload(decode=True)
            with open(os.path.join(self.out_dir, f"{n}.att{i}.bin"), "wb") as f:
                f.write(payload)
            attachments.append(
                {
                    "content_type": part.get_content_type(),
                    "filename": part.get_filename(),
                    # The Content-Type name parameter, read on its own (older Outlook looks
                    # only at this one).
                    "name": opt(part["Content-Type"].params.get("name")),
                    "disposition": part.get_content_disposition(),
                    "file": f"{n}.att{i}.bin",
                }
            )
        body = msg.get_body(preferencelist=("plain",))
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": session.auth_data.login.decode() if session.authenticated else None,
            "from": opt(msg["From"]),
            "to": opt(msg["To"]),
            "cc": opt(msg["Cc"]),
            "reply_to": opt(msg["Reply-To"]),
            "subject": opt(msg["Subject"]),
            "message_id": opt(msg["Message-ID"]),
            "date": opt(msg["Date"]),
            "content_type": msg.get_content_type(),
            "body": body.get_content() if body is not None else None,
            "body_charset": body.get_content_charset() if body is not None else None,
            "attachments": attachments,
            "defects": [type(d).__name__ for d in msg.defects]
            + [type(d).__name__ for p in msg.walk() for d in p.defects],
        }
        tmp = os.path.join(self.out_dir, f"{n}.json.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False, indent=1)
        os.replace(tmp, os.path.join(self.out_dir, f"{n}.json"))
        return f"250 2.0.0 Ok: queued as SINK{n}"


def opt(value):
    return None if value is None else str(value)


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == user
            and auth_data.password.decode() == password
        )
        # handled=False lets aiosmtpd give its own answer, 535 5.7.8 on failure.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    return check


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("out_dir")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--tempfail", action="append", default=[])
    p.add_argument("--reject", action="append", default=[])
    p.add_argument("--starttls", action="store_true")
    p.add_argument("--tls", action="store_true")
    p.add_argument("--port", type=int, default=0)
    args = p.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(
        os.path.join(here, "sink-cert.pem"), os.path.join(here, "sink-key.pem")
    )

    handler = Sink(args.out_dir, args.tempfail, args.reject)
    options = {"hostname": "sink.test"}
    if args.user is not None:
        # Plain-text AUTH is fine on the loopback; a real server would demand TLS first.
        options.update(
            authenticator=authenticator(args.user, args.password or ""),
            auth_required=True,
            auth_require_tls=False,
        )
    if args.starttls:
        options.update(tls_context=context, require_starttls=True)
    loop = asyncio.get_running_loop()
    # Port 0 (the default): the system picks a free port, so parallel tests never collide.
    # A fixed port lets a test stop the server and start it again where the client expects it.
    server = await loop.create_server(
        lambda: SMTP(handler, **options),
        "127.0.0.1",
        args.port,
        ssl=context if args.tls else None,
    )
    port = server.sockets[0].getsockname()[1]
    print(f"READY {port}", flush=True)
    # The test closes our stdin (or dies): stop then, so no sink outlives its test.
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    import logging
    import warnings

    # aiosmtpd warns that AUTH without TLS is unsafe; the test knows. Real errors still show.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    asyncio.run(main())

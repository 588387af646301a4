"""Real local servers the channels talk to in tests: a fake LINE Messaging API, an HTTP SMS
gateway stub and an SMTP server (aiosmtpd). Each records what arrived."""

import json
import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


class _Recorder(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)
        self.received = []
        self.fail_next = 0  # answer this many requests with 500 before working again
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def stop(self):
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _answer(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _body(self):
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")


class _LineHandler(_Handler):
    """Push, multicast and reply, as LINE answers them: a retry key seen before gets 409 with
    the accepted request's id, and is not delivered again."""

    def do_POST(self):
        server, body = self.server, self._body()
        retry_key = self.headers.get("X-Line-Retry-Key")
        with server.lock:
            if server.fail_next:
                server.fail_next -= 1
                return self._answer(500, {"message": "try later"})
            if retry_key and retry_key in server.accepted:
                accepted = server.accepted[retry_key]
                return self._answer(
                    409,
                    {"message": "retry key accepted"},
                    [("x-line-accepted-request-id", accepted)],
                )
            targets = body.get("to") if isinstance(body.get("to"), list) else [body.get("to")]
            if any(str(t).startswith("Ublocked") for t in targets):
                return self._answer(400, {"message": "The user has blocked the account"})
            request_id = uuid.uuid4().hex
            if retry_key:
                server.accepted[retry_key] = request_id
            server.received.append(
                {
                    "path": self.path,
                    "body": body,
                    "retry_key": retry_key,
                    "auth": self.headers.get("Authorization"),
                    "at": time.monotonic(),
                }
            )
            if server.lose_answer:
                # Delivered, but the answer is lost on the way back: the sender must retry.
                server.lose_answer -= 1
                return self._answer(500, {"message": "gateway timeout"})
        sent = [{"id": uuid.uuid4().hex[:16], "quoteToken": "q"} for _ in body.get("messages", [])]
        answer = {} if self.path.endswith("/multicast") else {"sentMessages": sent}
        self._answer(200, answer, [("x-line-request-id", request_id)])


class FakeLine(_Recorder):
    def __init__(self):
        super().__init__(_LineHandler)
        self.accepted = {}
        self.lose_answer = 0

    def delivered(self):
        """(LINE user id, text) for every message delivered."""
        out = []
        for r in self.received:
            targets = r["body"].get("to")
            targets = targets if isinstance(targets, list) else [targets or "reply"]
            for to in targets:
                out += [(to, m["text"]) for m in r["body"]["messages"]]
        return out


class _SmsHandler(_Handler):
    def do_POST(self):
        server, body = self.server, self._body()
        with server.lock:
            if server.fail_next:
                server.fail_next -= 1
                return self._answer(503, {"error": "busy"})
            if not body.get("to", "").startswith("0"):
                return self._answer(400, {"error": "bad number"})
            server.received.append({**body, "auth": self.headers.get("Authorization")})
            count = len(server.received)
        self._answer(200, {"id": f"sms-{count}"})


class SmsStub(_Recorder):
    def __init__(self):
        super().__init__(_SmsHandler)


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {"to": envelope.rcpt_tos, "data": envelope.content.decode("utf-8", "replace")}
        )
        return "250 OK"


class SmtpServer:
    def __init__(self):
        self.inbox = _Inbox()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    @property
    def messages(self):
        return self.inbox.messages

    def stop(self):
        self.controller.stop()

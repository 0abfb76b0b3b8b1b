"""An answer cut off before its promised length is a failed fetch, never a small feed."""

import socket
import threading

import pytest

from jobs.feeds.fetcher import Fetcher, FetchError


def test_an_answer_shorter_than_its_content_length_is_a_failed_fetch() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def answer() -> None:
        connection, _ = listener.accept()
        connection.recv(65536)
        connection.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: text/plain\r\n\r\n"
            b'{"id": "v-1", "kind": "vacancy"}\n'
        )
        connection.close()

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    fetcher = Fetcher("test", timeout_s=2, retries=0, host_delay_s=0)
    with pytest.raises(FetchError, match="onvolledig antwoord"):
        fetcher.get(f"http://127.0.0.1:{listener.getsockname()[1]}/v.jsonl")
    thread.join()
    listener.close()

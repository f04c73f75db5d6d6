import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(throttle_rates):
    throttle_rates("3/minute", "5/minute")


def test_anonymous_clients_get_429_with_retry_after(api_client, low_rates):
    statuses = [api_client.get("/api/v1/sources/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api_client.get("/api/v1/sources/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["errors"][0]["code"] == "throttled"


def test_every_response_says_the_limit_what_remains_and_when_it_resets(api_client, low_rates):
    responses = [api_client.get(url) for url in ("/api/v1/sources/", "/api/v1/articles/?published_after=nonsense",
                                                  "/api/v1/sources/", "/api/v1/sources/")]
    assert [r.status_code for r in responses] == [200, 400, 200, 429]
    assert [r["X-RateLimit-Limit"] for r in responses] == ["3"] * 4
    assert [r["X-RateLimit-Remaining"] for r in responses] == ["2", "1", "0", "0"]
    for response in responses:
        assert 1 <= int(response["X-RateLimit-Reset"]) <= 60
    assert int(responses[-1]["Retry-After"]) == int(responses[-1]["X-RateLimit-Reset"])


def test_token_holders_see_their_own_limit_in_the_headers(authed_client, low_rates):
    response = authed_client.get("/api/v1/sources/")
    assert (response["X-RateLimit-Limit"], response["X-RateLimit-Remaining"]) == ("5", "4")


def test_authenticated_clients_have_their_own_higher_limit(authed_client, low_rates):
    statuses = [authed_client.get("/api/v1/sources/").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_detail_and_list_carry_an_etag_and_answer_304_on_a_match(api_client):
    article = ArticleFactory()
    for url in [f"/api/v1/articles/{article.pk}/", "/api/v1/articles/"]:
        first = api_client.get(url)
        etag = first["ETag"]
        assert etag
        again = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""


def test_the_etag_is_the_sha1_of_the_body(api_client):
    import hashlib

    article = ArticleFactory()
    for url in [f"/api/v1/articles/{article.pk}/", "/api/v1/articles/", "/api/v1/claims/"]:
        response = api_client.get(url)
        assert response["ETag"] == f'"{hashlib.sha1(response.content).hexdigest()}"'
    assert not api_client.head("/api/v1/articles/").has_header("ETag")  # a HEAD's empty body tags nothing


def test_a_changed_resource_gets_a_new_etag(api_client):
    article = ArticleFactory()
    url = f"/api/v1/articles/{article.pk}/"
    etag = api_client.get(url)["ETag"]
    article.title = "A corrected headline"
    article.save()
    response = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


REDIS_URL = "redis://127.0.0.1:6379/15"


def test_throttle_counters_live_in_the_shared_cache_when_configured(api_client, low_rates, settings):
    # Every worker process then counts the same requests: here, the counter is read back from Redis itself.
    import redis

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    connection = redis.Redis.from_url(REDIS_URL)
    connection.flushdb()
    try:
        assert [api_client.get("/api/v1/sources/").status_code for _ in range(4)] == [200, 200, 200, 429]
        keys = [key.decode() for key in connection.keys("*throttle_anon*")]
        assert len(keys) == 1, keys
        assert int(connection.get(keys[0])) == 4
        assert 0 < connection.ttl(keys[0]) <= 61, "the window's counter must expire"
    finally:
        connection.flushdb()


@pytest.fixture
def redis_cache(settings):
    import redis

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    connection = redis.Redis.from_url(REDIS_URL)
    connection.flushdb()
    yield connection
    connection.flushdb()


def test_the_count_goes_on_when_redis_has_lost_the_script(api_client, low_rates, redis_cache):
    # A restarted or flushed Redis no longer knows the script the workers call by its SHA.
    assert api_client.get("/api/v1/sources/").status_code == 200
    redis_cache.script_flush()
    assert [api_client.get("/api/v1/sources/").status_code for _ in range(3)] == [200, 200, 429]
    key, = redis_cache.keys("*throttle_anon*")
    assert int(redis_cache.get(key)) == 4


def test_the_count_goes_on_when_redis_dropped_the_connections(api_client, low_rates, redis_cache):
    # Redis restarted, or an idle timeout closed the pool's connections: the next request reconnects.
    assert api_client.get("/api/v1/sources/").status_code == 200
    redis_cache.client_kill_filter(_type="normal", skipme=True)
    assert [api_client.get("/api/v1/sources/").status_code for _ in range(3)] == [200, 200, 429]
    key, = redis_cache.keys("*throttle_anon*")
    assert int(redis_cache.get(key)) == 4

"""Error pages keep the site's look and point visitors somewhere useful."""

from http import HTTPStatus

from django.template.loader import render_to_string


def test_unknown_address_gets_the_sites_404_with_ways_on(client, db):
    response = client.get("/people/nobody-by-this-name/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    page = response.content.decode()
    assert "Page not found" in page
    assert 'href="/directory/"' in page
    assert 'class="skip-link"' in page  # the site's layout, not Django's bare page


def test_server_error_page_renders_without_a_request_context():
    page = render_to_string("500.html")
    assert "Something went wrong" in page
    assert "css/site.css" in page

"""An example of an ingest job for the schema."""

INGEST_JOB = {'id': 7,
 'status': 'finished',
 'origin': 'api',
 'total': 2,
 'counts': {'pending': 0, 'created': 1, 'updated': 0, 'unchanged': 0, 'failed': 1},
 'errors': [{'position': 2, 'location': 'request', 'error': 'published_at: Enter an ISO 8601 date-time.'}],
 'created_at': '2022-02-24T20:05:12.000000Z',
 'started_at': '2022-02-24T20:05:12.300000Z',
 'finished_at': '2022-02-24T20:05:14.900000Z'}

"""The Bitrix24 REST client: the only code that speaks HTTP to a portal.

Modules: ``urls`` (webhook/portal addresses, the HTTPS rule), ``auth`` (webhooks, OAuth with a
single-flight refresh), ``client`` (transport, envelope, limits, bounded retries), ``limiter``
(leaky bucket and operating-time ledger), ``listing`` (offset pages, ID cursor, parallel ID
ranges in batches), ``introspection`` (scope and profile), ``errors`` (typed, translatable,
secret-free errors).
"""

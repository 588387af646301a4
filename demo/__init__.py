"""The demo: `manage.py seed_demo` fills an empty database with three fairs and their people,
each app seeding its own part (`producers.demo`, `booths.demo`, `sales.demo`). It lives in an
app of its own so that the project package `otop_fair` imports none of the apps."""

#!/bin/sh
# Time and peak memory of move_database at N claims, SQLite to PostgreSQL and back to SQLite.
# Run under a throwaway cluster:  .venv/bin/python tests/with_postgres.py sh bench/move_bench.sh [N]
set -eu
CLAIMS=${1:-100000}
PYTHON=.venv/bin/python
SOURCE="$PWD/bench/data/move-$CLAIMS.sqlite3"
BACK="$PWD/bench/data/move-$CLAIMS-back.sqlite3"
POSTGRES=$DATABASE_URL
mkdir -p bench/data
if [ ! -f "$SOURCE" ]; then
    DATABASE_URL="sqlite:///$SOURCE" $PYTHON manage.py migrate --noinput -v0
    DATABASE_URL="sqlite:///$SOURCE" $PYTHON manage.py generate_data \
        --statements $((CLAIMS / 5)) --claims-per-statement 5
fi
$PYTHON manage.py migrate --noinput -v0
echo "== SQLite -> PostgreSQL, $CLAIMS claims"
DATABASE_URL="sqlite:///$SOURCE" /usr/bin/time -v $PYTHON manage.py move_database --to "$POSTGRES"
rm -f "$BACK"
DATABASE_URL="sqlite:///$BACK" $PYTHON manage.py migrate --noinput -v0
echo "== PostgreSQL -> SQLite, $CLAIMS claims"
/usr/bin/time -v $PYTHON manage.py move_database --to "sqlite:///$BACK"

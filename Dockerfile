# Lightbox application image. Build: docker build -t lightbox .
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ redis-server dcmtk tesseract-ocr \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client
ENV DATA_DIR=/data PORT=8080 DICOM_PORT=11112
VOLUME /data
EXPOSE 8080 11112
CMD ["node", "bin/lightbox.mjs", "serve"]

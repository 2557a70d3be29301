-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('USER', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "RuntimeKind" AS ENUM ('DOCKER', 'PROCESS');

-- CreateEnum
CREATE TYPE "InstanceStatus" AS ENUM ('PENDING', 'CREATING', 'STARTING', 'WAITING_READY', 'READY', 'STOPPED', 'FAILED', 'REMOVED');

-- CreateEnum
CREATE TYPE "ChipStatus" AS ENUM ('CREATING', 'STOPPED', 'STARTING', 'SCAN_QR_CODE', 'WORKING', 'FAILED', 'DELETED');

-- CreateEnum
CREATE TYPE "ProxyKind" AS ENUM ('GATEWAY', 'FIXED');

-- CreateEnum
CREATE TYPE "ProxyHealth" AS ENUM ('UNKNOWN', 'HEALTHY', 'UNHEALTHY');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'pt-BR',
    "role" "UserRole" NOT NULL DEFAULT 'USER',
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "proxyQuota" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WahaInstance" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "runtime" "RuntimeKind" NOT NULL,
    "containerName" TEXT NOT NULL,
    "containerId" TEXT,
    "hostPort" INTEGER,
    "baseUrl" TEXT,
    "apiKeyEncrypted" TEXT NOT NULL,
    "webhookSecretEncrypted" TEXT NOT NULL,
    "image" TEXT NOT NULL,
    "status" "InstanceStatus" NOT NULL DEFAULT 'PENDING',
    "statusReason" TEXT,
    "lastReadyAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WahaInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chip" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "instanceId" UUID,
    "label" TEXT NOT NULL,
    "sessionName" TEXT NOT NULL,
    "status" "ChipStatus" NOT NULL DEFAULT 'CREATING',
    "statusReason" TEXT,
    "phoneNumber" TEXT,
    "pushName" TEXT,
    "fingerprint" JSONB NOT NULL,
    "statusEventAt" BIGINT,
    "lastActivityAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Chip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProxyAssignment" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "chipId" UUID,
    "kind" "ProxyKind" NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "username" TEXT NOT NULL,
    "passwordEncrypted" TEXT NOT NULL,
    "sessionId" TEXT,
    "country" TEXT,
    "health" "ProxyHealth" NOT NULL DEFAULT 'UNKNOWN',
    "healthReason" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "latencyMs" INTEGER,
    "exitSeen" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "ProxyAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "instanceId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "session" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "chipId" UUID NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "chatId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "wahaId" TEXT,
    "ack" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "WahaInstance_userId_key" ON "WahaInstance"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "WahaInstance_containerName_key" ON "WahaInstance"("containerName");

-- CreateIndex
CREATE UNIQUE INDEX "WahaInstance_runtime_hostPort_key" ON "WahaInstance"("runtime", "hostPort");

-- CreateIndex
CREATE UNIQUE INDEX "Chip_sessionName_key" ON "Chip"("sessionName");

-- CreateIndex
CREATE INDEX "Chip_userId_status_idx" ON "Chip"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProxyAssignment_chipId_key" ON "ProxyAssignment"("chipId");

-- CreateIndex
CREATE UNIQUE INDEX "ProxyAssignment_sessionId_key" ON "ProxyAssignment"("sessionId");

-- CreateIndex
CREATE INDEX "ProxyAssignment_userId_releasedAt_idx" ON "ProxyAssignment"("userId", "releasedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_userId_idx" ON "ApiKey"("userId");

-- CreateIndex
CREATE INDEX "WebhookEvent_instanceId_receivedAt_idx" ON "WebhookEvent"("instanceId", "receivedAt");

-- CreateIndex
CREATE INDEX "Message_chipId_createdAt_idx" ON "Message"("chipId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_chipId_wahaId_key" ON "Message"("chipId", "wahaId");

-- CreateIndex
CREATE INDEX "AuditLog_userId_createdAt_idx" ON "AuditLog"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "WahaInstance" ADD CONSTRAINT "WahaInstance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chip" ADD CONSTRAINT "Chip_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chip" ADD CONSTRAINT "Chip_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "WahaInstance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProxyAssignment" ADD CONSTRAINT "ProxyAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProxyAssignment" ADD CONSTRAINT "ProxyAssignment_chipId_fkey" FOREIGN KEY ("chipId") REFERENCES "Chip"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "WahaInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_chipId_fkey" FOREIGN KEY ("chipId") REFERENCES "Chip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

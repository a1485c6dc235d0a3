import { Module } from '@nestjs/common';
import { CapacityLedger } from './capacity-ledger.js';

@Module({ providers: [CapacityLedger], exports: [CapacityLedger] })
export class CapacityModule {}

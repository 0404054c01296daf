// 404 for a symbol the namespace has never seen, so a typo is not answered with an empty page.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors.ts';

export async function ensureSymbol(app: FastifyInstance, symbol: string): Promise<void> {
  if (!(await app.symbolsRepository.exists(symbol))) throw notFound(`unknown symbol "${symbol}"`);
}

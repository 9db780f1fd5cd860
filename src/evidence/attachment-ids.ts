/**
 * The `attachmentIds` of an input that attaches uploads (docs/evidence.md): distinct upload ids,
 * at most 50, none by default. One decorator, so that every input says it the same way.
 */
import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsOptional, IsUUID } from 'class-validator';

export function AttachmentIds(description: string): PropertyDecorator {
  return applyDecorators(
    Field(() => [ID], { defaultValue: [], description: `${description} (uploads of the caller: POST /uploads).` }),
    IsOptional(),
    IsUUID('all', { each: true }),
    ArrayUnique(),
    ArrayMaxSize(50),
  );
}

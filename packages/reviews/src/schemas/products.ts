import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

export const ProductView = Type.Object({
  product_id: Type.String({ description: 'Shopify product id' }),
  title: Type.String(),
  image_url: Nullable(Type.String()),
  url: Nullable(Type.String({ description: 'Storefront product page ("Product URL" on Review Created)' })),
  review_image_url: Type.String({ description: 'What "Image Url" carries: the image, or a generated picture of the name' }),
});
export type ProductView = Static<typeof ProductView>;

const HttpUrl = Type.String({ pattern: '^https?://\\S+$', maxLength: 2000 });

export const UpdateProductBody = Type.Object(
  { image_url: Type.Optional(Nullable(HttpUrl)), url: Type.Optional(Nullable(HttpUrl)) },
  { additionalProperties: false },
);
export type UpdateProductBody = Static<typeof UpdateProductBody>;
